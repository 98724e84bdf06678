# Constructors of the built-in types.
print(int(), int(7.9), int("-12"), int(" 0x1f ", 16), int("0b11", 0), int(True))
print(float(), float(3), float("1e3"), float("  -2.5 "), float("inf"), float("-nan") != 0)
print(str(), str(42), str(1.0), str(b"x"), str([1]), str(None))
print(bool(), bool(0), bool(42), bool(""), bool("no"), bool([]), bool([0]))
print(list(), list("ab"), list(range(3)), list((1, 2)), list({"a": 1, "b": 2}), list({1: 0}.items()))
print(tuple(), tuple("ab"), tuple([1, 2]), tuple(x for x in range(3)))
print(dict(), dict(a=1), dict([("x", 1)]), dict({"y": 2}), dict(zip("ab", "cd")), dict({"a": 1}, b=2))
print(set(), set("aab") == {"a", "b"}, set([3, 1, 3]), set(range(3)), frozenset([2, 2]))
print(bytes(2), bytes([1, 2]), bytes("h\u00e9", "utf-8"), range(5), slice(2), type(object()).__name__)
a = [1, 2]
b = list(a)
b.append(3)
print(a, b, list(a) is a, tuple((1, 2)) == (1, 2))
