class Empty:
    def __len__(self):
        return 0
class Full:
    def __len__(self):
        return 3
class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print(bool(Empty()), bool(Full()), len(Full()))
print(bool(B(True)), bool(B(False)), bool(Both()))
print("yes" if Full() else "no", "yes" if Empty() else "no")
print(not Empty(), Empty() or "fallback", Full() and "second")
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(e)
class StrLen:
    def __len__(self):
        return "3"
try:
    len(StrLen())
except TypeError as e:
    print(e)
