class A:
    def __init__(self, v):
        self.v = v
    def __le__(self, o):
        print("A.__le__")
        return self.v <= o.v
class B:
    def __init__(self, v):
        self.v = v
    def __ge__(self, o):
        print("B.__ge__")
        return self.v >= o.v
print(A(1) <= A(2))
print(B(1) >= B(0))
print(A(5) >= B(5) if False else "skip")
try:
    print(B(3) <= A(4))
except TypeError as e:
    print(e)
print(A(3) <= B(4))
try:
    A(1) > A(0)
except TypeError as e:
    print(e)
