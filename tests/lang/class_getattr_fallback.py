class Proxy:
    def __init__(self, target):
        self._target = target
        self.calls = 0
    def __getattr__(self, name):
        self.calls += 1
        if name.startswith("secret"):
            raise AttributeError(f"no secrets: {name}")
        return getattr(self._target, name)

p = Proxy([3, 1, 2])
p.append(0)
print(p._target, p.calls)
print(p.count(1), p.calls)
print(hasattr(p, "secret_x"), p.calls)
try:
    p.secret_key
except AttributeError as e:
    print(e)
print(getattr(p, "nope_missing", "dflt"))

class Lazy:
    def __getattr__(self, name):
        value = len(name)
        setattr(self, name, value)
        return value
l = Lazy()
print(l.abc, l.__dict__)
