# Positional-only parameters.
def pos(a, b, /, c, *, d=0):
    return a, b, c, d
print(pos(1, 2, 3), pos(1, 2, c=3), pos(1, 2, 3, d=4))
def kw_named_like_pos(a, /, **kw):
    return a, kw
print(kw_named_like_pos(1, a=2))
def defaulted(x, y=5, /):
    return x * y
print(defaulted(2), defaulted(2, 3))
try:
    pos(1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)
try:
    pos(a=1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)
try:
    pos(1, 2)
except TypeError as e:
    print("TypeError:", e)
