class P:
    pass
p = P()
print(p == p, p != p, p == P())
print(str(p) == repr(p))
try:
    p < P()
except TypeError as e:
    print(e)
print(hash(p) == hash(p), bool(p))
print(P.__eq__(p, p), P.__ne__(p, 3))
print(object.__eq__(p, 3))
