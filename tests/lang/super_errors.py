class A:
    def f(self):
        return 1
class B(A):
    def g(self):
        return super().nope()
try:
    B().g()
except AttributeError as e:
    print(e)
try:
    super(B, 3)
except TypeError as e:
    print(e)
def outside():
    return super().f()
try:
    outside()
except RuntimeError as e:
    print(e)
