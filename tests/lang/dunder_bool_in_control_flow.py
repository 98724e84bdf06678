class Flag:
    def __init__(self, v):
        self.v = v
        self.checked = 0
    def __bool__(self):
        self.checked += 1
        return self.v
f, t = Flag(False), Flag(True)
if f:
    print("no")
elif t:
    print("t is true")
while f:
    pass
print(f.checked, t.checked)
x = f or t
print(x is t, f.checked)
y = t and f
print(y is f)
print([v.v for v in (f, t) if v])
print(not f, not t)
