class Point:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        obj = super().__new__(cls)
        obj.created = True
        return obj
    def __init__(self, x, y):
        print("init", x, y)
        self.x, self.y = x, y

p = Point(1, 2)
print(p.created, p.x, p.y)

class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NotMine())

class Cached:
    _cache = {}
    def __new__(cls, key):
        if key not in cls._cache:
            cls._cache[key] = super().__new__(cls)
        return cls._cache[key]
    def __init__(self, key):
        self.key = key
print(Cached("a") is Cached("a"), Cached("a") is Cached("b"))

class InitReturns:
    def __init__(self):
        return 5
try:
    InitReturns()
except TypeError as e:
    print(e)
