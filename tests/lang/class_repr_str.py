class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "P(%r, %r)" % (self.x, self.y)

class Q(P):
    def __str__(self):
        return "<%s,%s>" % (self.x, self.y)

p = P(1, "a")
q = Q(2, 3)
print(p, repr(p), str(p))
print(q, repr(q), str(q))
print([p, q])
print(f"{p} {q!r} {q}")
print("%s %r" % (q, q))
class Plain:
    pass
s = repr(Plain())
print(s.startswith("<__main__.Plain object at 0x"), s.endswith(">"))
