class A:
    def __eq__(self, o):
        print("A.__eq__")
        return NotImplemented
    def __add__(self, o):
        print("A.__add__")
        return NotImplemented
    def __lt__(self, o):
        print("A.__lt__")
        return NotImplemented
class B:
    def __eq__(self, o):
        print("B.__eq__")
        return NotImplemented
    def __radd__(self, o):
        print("B.__radd__")
        return "B+"
    def __gt__(self, o):
        print("B.__gt__")
        return True
print(A() == B())
print(A() != B())
print(A() + B())
print(A() < B())
class Sub(B):
    def __radd__(self, o):
        print("Sub.__radd__")
        return "sub"
class Base2:
    def __add__(self, o):
        print("Base2.__add__")
        return "base"
class Sub2(Base2):
    def __radd__(self, o):
        print("Sub2.__radd__")
        return "sub2 first"
print(Base2() + Sub2())
try:
    A() < A()
except TypeError as e:
    print(e)
