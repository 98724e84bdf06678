# Chained comparisons evaluate each operand at most once and short-circuit.
def v(x):
    print("eval", x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2, 1 < 2 > 0, 1 <= 1 < 2 <= 2)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(v(1) < v(5) > v(4) != v(0))
a = [1]
b = a
print(a is b is not None, 1 in [1] in [[1]], "x" not in "abc" == True)
x = 5
print(0 < x < 10, 0 < x < 3, x == 5 > 4 >= 4)
print(1 < 2 < 3 < 4 < 5 < 6, 1 < 2 < 3 < 2 < 5)
