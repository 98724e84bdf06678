# any() and all(), with short-circuiting.
print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any("abc"), all(["", "x"]), any([None, 0.0, []]))
def check(x):
    print("checking", x)
    return x > 2
print(any(check(x) for x in [1, 3, 5]))
print(all(check(x) for x in [3, 1, 5]))
print(all(x % 2 == 0 for x in range(0, 10, 2)), any(c.isupper() for c in "hello World"))
print(all([[], [1]]), any({0: "a"}), all({1: 0}), any(range(0)), all(range(1, 5)))
