class M:
    def __init__(self, v):
        self.v = v
    def __matmul__(self, o):
        return M(self.v * o.v)
    def __and__(self, o):
        return M(self.v & o.v)
    def __or__(self, o):
        return M(self.v | o.v)
    def __xor__(self, o):
        return M(self.v ^ o.v)
    def __lshift__(self, n):
        return M(self.v << n)
    def __rshift__(self, n):
        return M(self.v >> n)
    def __rand__(self, o):
        return M(o & self.v)
    def __repr__(self):
        return "M(%d)" % self.v
a, b = M(6), M(3)
print(a @ b, a & b, a | b, a ^ b, a << 2, a >> 1, 7 & a)
try:
    a @ 3
except AttributeError as e:
    print("AttributeError", e)
try:
    3 @ a
except TypeError as e:
    print(e)
