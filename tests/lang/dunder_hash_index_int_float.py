class Idx:
    def __index__(self):
        return 2
l = ["a", "b", "c", "d"]
print(l[Idx()], l[Idx():], bin(Idx()), hex(Idx()), range(10)[Idx()])
class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
    def __round__(self, n=None):
        return "rounded %s" % n
print(int(Num()), float(Num()), round(Num()), round(Num(), 2))
class H:
    def __hash__(self):
        return 12345
print(hash(H()))
class BadHash:
    def __hash__(self):
        return "x"
try:
    hash(BadHash())
except TypeError as e:
    print(e)
try:
    l[Num()]
except TypeError as e:
    print(e)
