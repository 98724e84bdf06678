# json.loads hooks and decoder classes: object_hook, object_pairs_hook,
# parse_float, parse_int, parse_constant, raw_decode, load from a file object.
import io
import json
from collections import OrderedDict

doc = '{"b": 1, "a": {"x": 1.25, "y": [10, 20]}, "b": 2, "c": NaN, "d": -Infinity}'
print(json.loads(doc))
print(json.loads(doc, object_pairs_hook=OrderedDict))
print(json.loads(doc, object_pairs_hook=lambda pairs: [k for k, v in pairs]))
print(json.loads(doc, object_hook=lambda d: sorted(d.items(), key=str)))
print(json.loads(doc, parse_float=lambda s: "F(" + s + ")", parse_int=lambda s: int(s) * 100))
print(json.loads(doc, parse_constant=lambda s: "const " + s))


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return "Money(%d)" % self.cents


def as_money(d):
    if set(d) == {"cents"}:
        return Money(d["cents"])
    return d


print(json.loads('[{"cents": 150}, {"cents": 5, "extra": 1}, {"wallet": {"cents": 9}}]',
                 object_hook=as_money))
dec = json.JSONDecoder()
print(dec.raw_decode('{"a": 1} trailing'))
print(dec.raw_decode('xx[1, 2]yy', 2))
print(dec.decode("  [true, false, null]  "))
print(json.load(io.StringIO('{"from": "file", "n": [1e3, 2E-2, -0, 0.5]}')))
print(json.loads(b'{"bytes": "\xc3\xa9"}'), json.loads(bytearray(b"[1]")))
print(json.loads('"\\u00e9\\u2603\\ud83d\\ude00\\n\\t\\/\\\\\\""'))
print(json.loads('  {"deep": [[[[[]]]]], "e": {}}  '))
big = json.loads("[12345678901234567890123, -1.5e300, 1E400, 0.000001]")
print(big, type(big[0]).__name__)
orig = {"list": [1, "two", 3.0, None, True], "map": {"k": {"k2": "v"}}, "s": "q\"\\"}
print(json.loads(json.dumps(orig)) == orig, json.loads(json.dumps(orig, indent=3)) == orig)
