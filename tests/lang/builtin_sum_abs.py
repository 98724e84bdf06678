# sum() and abs().
print(sum([]), sum([1, 2, 3]), sum(range(101)), sum([1, 2], 10), sum([0.1] * 10), sum([1, 2.5]))
print(sum([[1], [2, 3]], []), sum(((1,), (2,)), ()), sum([2 ** 64, 2 ** 64]), sum([True, True]))
print(sum(x / 2 for x in range(5)), sum(range(10), start=-45))
print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(0), abs(-(2 ** 100)), abs(True), abs(float("-inf")))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    sum([1, "a"])
except TypeError as e:
    print("TypeError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
