# Membership and identity tests.
print(3 in [1, 2, 3], 4 in (1, 2), "k" in {"k": 1}, 1 in {"k": 1}, 2 in {1, 2}, 5 in range(10), 10 in range(10))
print("ell" in "hello", "" in "", "z" not in "abc", b"b" in b"abc", [1] in [[1]], (1,) in [(1,)])
print(1.0 in [1], 2 ** 70 in [2 ** 70], float("nan") in [float("nan")])
nan = float("nan")
print(nan in [nan], [nan] == [nan])
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None, type(a) is list, type(True) is not int)
d = {}
print(d.get("x") is None, (lambda: None)() is None)
print(all(x in "aeiou" for x in "aei"), any(x in "xyz" for x in "abc"))
