# Conditional expressions.
for n in range(-2, 3):
    print(n, "pos" if n > 0 else "zero" if n == 0 else "neg")
def side(x):
    print("side", x)
    return x
print(side("a") if True else side("b"))
print(side("a") if False else side("b"))
vals = [x if x % 2 else -x for x in range(6)]
print(vals)
print((1 if [] else 2), ("yes" if "s" else "no"), [0, 1][1 if True else 0])
f = lambda s: s.upper() if s else "<empty>"
print(f("hi"), f(""))
