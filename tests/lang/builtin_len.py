# len() of every sized built-in type.
print(len(""), len("abc"), len("\u00e9\U0001F600"), len(b"ab"), len([]), len([1, [2, 3]]), len(()), len((1,)))
print(len({}), len({"a": 1}), len(set()), len({1, 2, 2}), len(frozenset("aab")), len(range(10)), len(range(0, 10, 3)))
print(len({"a": 1}.keys()), len({"a": 1}.items()), len(range(-5)), len(" " * 1000))
for bad in [5, 1.5, None, len]:
    try:
        len(bad)
    except TypeError as e:
        print("TypeError:", e)
