class Log:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __setattr__(self, name, value):
        self.log.append(("set", name))
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        object.__delattr__(self, name)
l = Log()
l.a = 1
l.b = 2
del l.a
print(l.log, l.b, hasattr(l, "a"))
class Upper:
    def __getattribute__(self, name):
        if name.startswith("x"):
            return name.upper()
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback:" + name
u = Upper()
u.y = 3
print(u.xyz, u.y, u.zz)
