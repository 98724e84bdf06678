# Closures created in a loop see the final value of the loop variable.
fns = []
for i in range(4):
    fns.append(lambda: i)
print([f() for f in fns])
i = 99
print([f() for f in fns])
def build():
    out = []
    for j in range(3):
        out.append(lambda: j * 2)
    j = 100
    return out
print([f() for f in build()])
def build_fixed():
    def make(j):
        return lambda: j * 2
    return [make(j) for j in range(3)]
print([f() for f in build_fixed()])
