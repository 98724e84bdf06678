class Timer:
    def __init__(self):
        self.entries = 0
    def __enter__(self):
        self.entries += 1
        return self
    def __exit__(self, *a):
        return False
t = Timer()
with t:
    pass
with t as same:
    print(same is t)
print(t.entries)
class Lock:
    def __init__(self):
        self.held = False
    def __enter__(self):
        if self.held:
            raise RuntimeError("already held")
        self.held = True
    def __exit__(self, *a):
        self.held = False
l = Lock()
with l:
    try:
        with l:
            pass
    except RuntimeError as e:
        print(e)
print(l.held)
