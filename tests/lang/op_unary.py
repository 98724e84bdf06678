# Unary operators.
for v in [0, 5, -5, 2 ** 80, -(2 ** 80), True, False]:
    print(repr(v), -v, +v, ~v, not v)
for v in [0.0, -0.0, 2.5, float("inf")]:
    print(repr(v), -v, +v, not v)
print(not "", not "a", not [], not None, - -1, ~~7)
try:
    -"a"
except TypeError as e:
    print("TypeError:", e)
try:
    ~1.5
except TypeError as e:
    print("TypeError:", e)
try:
    +[]
except TypeError as e:
    print("TypeError:", e)
