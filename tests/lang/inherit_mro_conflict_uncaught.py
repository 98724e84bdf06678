class P: pass
class Q(P): pass
print("before")
class R(P, Q):
    pass
print("not reached")
