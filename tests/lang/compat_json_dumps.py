# json.dumps / json.dump: CPython's exact output for every option.
import io
import json

data = {
    "name": "conch",
    "version": (1, 2, 3),
    "ratio": 0.1,
    "big": 10 ** 30,
    "neg": -7,
    "flags": [True, False, None],
    "nested": {"empty_list": [], "empty_dict": {}, "deep": [[1, [2, [3]]]]},
    "text": "tab\there \"quoted\" back\\slash\nnew\rret\bbs\fff \x00\x1f",
    "unicode": "caf\u00e9 \u2603 \U0001f600 \u0080\u00ff",
}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=4, sort_keys=True))
print(json.dumps(data["nested"], indent="--"))
print(json.dumps(data["flags"], indent=0))
print(json.dumps(data, separators=(",", ":"), sort_keys=True))
print(json.dumps(data["nested"], indent=2, separators=(", ", " = ")))
print(json.dumps([1.0, 2.5e-5, 1e100, -0.0, 123456789.125, 1 / 3, 2.0 ** 60]))
print(json.dumps([float("nan"), float("inf"), -float("inf")]))
print(json.dumps({3: "int", 2.5: "float", False: "bool", None: "none"}))
print(json.dumps({"b": 2, "a": 1, "c": {"z": 0, "y": 1}}, sort_keys=True))
print(json.dumps("plain"), json.dumps(""), json.dumps(None), json.dumps(True), json.dumps(42))
print(json.dumps("\ud800 lone"), json.dumps([]), json.dumps({}), json.dumps(()))
print(json.dumps([{}, [], [[]], {"k": {}}], indent=1))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def encode_point(o):
    if isinstance(o, Point):
        return {"x": o.x, "y": o.y}
    raise TypeError("cannot encode " + type(o).__name__)


print(json.dumps([Point(1, 2), Point(3, [4])], default=encode_point))


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return [o.x, o.y]
        return super().default(o)


print(json.dumps({"p": Point(5, 6)}, cls=PointEncoder))
print(PointEncoder(indent=1).encode([Point(0, 0)]))
out = io.StringIO()
json.dump({"saved": [1, 2]}, out, indent=2)
print(out.getvalue())
print(json.dumps({"x": 1, (1, 2): 2, "y": 3}, skipkeys=True))
print(json.dumps(b"x" if False else "ok", check_circular=False))
