class P:
    @property
    def x(self):
        return 5
print(type(P.x).__name__, P.x.fget(None) if False else P().x)
print(isinstance(P.__dict__["x"], property))
class Q(P):
    x = property(lambda self: super(Q, self).x * 2)
print(Q().x)
