from collections import Counter
d = Counter(a=3, b=1); e = Counter(a=1, b=2)
print(d + e, d - e, d & e, d | e, +Counter(a=-1, b=2), -Counter(a=-1))
f = Counter(a=1); f += Counter(a=2, b=-1); print(f); f -= Counter(a=5); print(f)
g = Counter(x=3, y=1); g |= Counter(y=4); print(g); g &= Counter(x=1, y=9); print(g)
