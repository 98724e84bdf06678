# Error messages from string operations (caught).
key = "x"
tests = [
    lambda: "abc"[5],
    lambda: "abc"[-4],
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: "a" * "b",
    lambda: "a" * 1.5,
    lambda: "abc".index("z"),
    lambda: "x".foo,
    lambda: "abc" < 3,
    lambda: "abc"[key],
    lambda: ord(""),
    lambda: "%d" % "s",
    lambda: "a".join([1]),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__ + ":", e)
s = "abc"
try:
    s[0] = "x"
except TypeError as e:
    print("TypeError:", e)
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
