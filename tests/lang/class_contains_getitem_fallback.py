class Seq:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i

s = Seq(5)
print(list(s))
print(9 in s, 10 in s)
for v in s:
    print(v, end=" ")
print()
a, b, *rest = s
print(a, b, rest)
print(sorted(Seq(4), reverse=True), sum(Seq(4)))
class WithContains(Seq):
    def __contains__(self, x):
        print("contains", x)
        return True
print(100 in WithContains(2))
class WithIter:
    def __iter__(self):
        return iter("abc")
print("b" in WithIter(), "z" in WithIter())
try:
    3 in object()
except TypeError as e:
    print(e)
