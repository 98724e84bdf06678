# The float fast paths of BINARY_OP and COMPARE_OP: nan, inf, -0.0, mixed
# int/float, division by zero, large ints, in-place reuse (conch's speed work).
import math

inf = float("inf")
nan = float("nan")
values = [0.0, -0.0, 1.5, -2.25, inf, -inf, nan, 3, -7, 0, 2 ** 53, 2 ** 53 + 1, 2 ** 62, 10 ** 30,
          True]


def fmt(x):
    if isinstance(x, float):
        if math.isnan(x):
            return "nan"
        return repr(x) + ("(neg)" if math.copysign(1.0, x) < 0 else "")
    return repr(x)


for a in values:
    for b in values:
        if not isinstance(a, float) and not isinstance(b, float):
            continue
        row = []
        for op in ("+", "-", "*", "/"):
            try:
                if op == "+":
                    r = a + b
                elif op == "-":
                    r = a - b
                elif op == "*":
                    r = a * b
                else:
                    r = a / b
                row.append(fmt(r))
            except ZeroDivisionError as e:
                row.append("ZeroDivisionError(%s)" % e)
            except OverflowError as e:
                row.append("OverflowError(%s)" % e)
        cmp = [a < b, a <= b, a == b, a != b, a > b, a >= b]
        print(fmt(a), fmt(b), row, cmp)

# In-place forms and temporaries (the result may reuse an operand).
x = 1.0
y = x
x += 2.5
print(x, y)
x *= 2
x -= 0.5
x /= 4
print(x, y)
t = (x + 1.0) * (y + 2.0) - (x - y) / 3.0
print(t, x, y)
try:
    x /= 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(x)

# Accumulating in a loop: every intermediate is a fresh value.
acc = 0.0
keep = []
for i in range(10):
    acc = acc + i * 0.5
    keep.append(acc)
print(acc, keep)


class F(float):
    def __add__(self, other):
        return "F.add"

    def __radd__(self, other):
        return "F.radd"


print(F(1.0) + 2.0, 2.0 + F(1.0), 1 + F(2.0))
print(1.0 + 2 ** 70, 2 ** 70 * 0.5, (2 ** 53 + 1) == float(2 ** 53 + 1), 2 ** 53 + 1 > 9007199254740992.0)
print(-0.0 + 0.0, -0.0 - 0.0, -0.0 * 5, 0.0 * -1, 5 / -inf)
