class A:
    def go(self, trail):
        return trail + ["A"]
class B(A):
    def go(self, trail):
        return super().go(trail + ["B"])
class C(A):
    def go(self, trail):
        return super().go(trail + ["C"])
class D(B, C):
    def go(self, trail):
        return super().go(trail + ["D"])
class E(D):
    pass
print(E().go([]))
print(super(B, D()).go([]))
