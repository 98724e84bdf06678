# json: documents built at random (same Mersenne Twister sequence as CPython)
# go through dumps/loads in every option mix, so the C++ fast paths and the
# Python encoder/decoder must agree with CPython and with each other.
import json
import random

random.seed(12345)
ALPHABET = ["a", "Z", " ", '"', "\\", "/", "\n", "\t", "\x00", "\x1f", "\x7f", "\u00e9",
            "\u20ac", "\u2028", "\U0001f600", "\ud800", "\udfff", "0", "-"]


def rand_str():
    return "".join(random.choice(ALPHABET) for _ in range(random.randint(0, 6)))


def rand_value(depth):
    kind = random.randint(0, 9 if depth < 4 else 5)
    if kind == 0:
        return None
    if kind == 1:
        return random.random() < 0.5
    if kind == 2:
        return random.randint(-10 ** random.randint(0, 25), 10 ** random.randint(0, 25))
    if kind == 3:
        return random.choice([0.0, -0.0, 1e-7, 1.5, -2.25e300, 1e16, 0.1 * random.randint(0, 99),
                              random.random() * 10 ** random.randint(-20, 20)])
    if kind <= 5:
        return rand_str()
    if kind <= 7:
        return [rand_value(depth + 1) for _ in range(random.randint(0, 4))]
    if kind == 8:
        return tuple(rand_value(depth + 1) for _ in range(random.randint(0, 3)))
    return {random.choice([rand_str(), random.randint(-5, 5), 2.5, True, None]): rand_value(depth + 1)
            for _ in range(random.randint(0, 4))}


for n in range(60):
    v = rand_value(0)
    a = json.dumps(v)
    b = json.dumps(v, ensure_ascii=False)
    c = json.dumps(v, separators=(",", ":"))
    print(a)
    print(b == a or repr(b))
    print(c)
    back = json.loads(a)
    print(back == json.loads(b), json.dumps(back) == a, json.loads(c) == back)
    print(json.loads(a, object_pairs_hook=list) == json.loads(b, object_pairs_hook=list))
docs = ['{"a": 1, "a": 2, "b": [1, 2, {"a": 3}]}', '  [ 1 , 2.0e0 , -0 , -0.0 , 1E+2 , 5e-1 ]  ',
        '"\\ud83d\\ude00 \\ud800x \\udc00 \\u0041"', '[12345678901234567890, -123456789012345678]',
        '{"\\u00e9t\\u00e9": "caf\u00e9", "": ""}', '[[[[[[[[[[[]]]]]]]]]]]', "[NaN, Infinity, -Infinity]",
        '["tab\there"]', '{"x": [1, 2, 3,]}', '[1, 2] [3]', '"abc\\', "1" * 30, "-", "[-0.5e-3]"]
for d in docs:
    try:
        print(repr(json.loads(d)))
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e)
print(json.loads('["tab\there"]', strict=False))
