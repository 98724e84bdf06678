# STORE_SUBSCR's list fast path: negative and out-of-range indexes, bool and
# huge int keys, list subclasses, and the replaced item released (conch's
# speed work).
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


lst = [0, 1, 2, 3]
for i in range(4):
    lst[i] = i * 10
lst[-1] = "last"
lst[True] = "bool key"
print(lst)
for bad in (4, -5, 2 ** 70):
    try:
        lst[bad] = 0
    except IndexError as e:
        print("IndexError:", e)
try:
    lst["x"] = 0
except TypeError as e:
    print("TypeError:", e)

holder = [Noisy("a"), Noisy("b")]
holder[0] = Noisy("c")
print("after store")
holder[-1] = None
print([getattr(x, "name", x) for x in holder])


class Logged(list):
    def __setitem__(self, i, v):
        print("setitem", i, v)
        super().__setitem__(i, v)


ll = Logged([1, 2, 3])
for i in range(3):
    ll[i] = -i
print(ll)
shared = [1, 2]
alias = shared
shared[0] = "x"
print(alias)
