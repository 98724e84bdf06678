class P:
    def __init__(self, x, y=0):
        self.x = x

for args, kwargs in [((), {}), ((1, 2, 3), {}), ((1,), {"z": 3}), ((1,), {"x": 2})]:
    try:
        P(*args, **kwargs)
    except TypeError as e:
        print(e)

class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print(e)
try:
    NoInit(a=1)
except TypeError as e:
    print(e)
class OnlyNew:
    def __new__(cls, a):
        return super().__new__(cls)
try:
    OnlyNew()
except TypeError as e:
    print(e)
print(type(OnlyNew(1)).__name__)
