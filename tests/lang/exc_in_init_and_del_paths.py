class Fails:
    def __init__(self, ok):
        if not ok:
            raise ValueError("construction failed")
        self.ok = ok
try:
    Fails(False)
except ValueError as e:
    print(e)
print(Fails(True).ok)
class Res:
    count = 0
    def __init__(self):
        Res.count += 1
        raise RuntimeError("partial")
for _ in range(3):
    try:
        Res()
    except RuntimeError:
        pass
print(Res.count)
