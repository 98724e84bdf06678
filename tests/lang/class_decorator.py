registry = {}

def register(cls):
    registry[cls.__name__] = cls
    return cls

def add_greeting(greeting):
    def deco(cls):
        cls.greet = lambda self: greeting + ", " + self.name
        return cls
    return deco

@register
@add_greeting("hello")
class Person:
    def __init__(self, name):
        self.name = name

@register
class Robot:
    pass

print(sorted(registry))
print(Person("ann").greet())
def singleton(cls):
    instances = {}
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get

@singleton
class Config:
    def __init__(self, v):
        self.v = v
print(Config(1) is Config(2), Config(3).v)
