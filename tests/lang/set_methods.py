# Set mutation methods and errors.
s = {1, 2, 3}
s.add(4)
s.add(2)
s.discard(10)
s.discard(1)
print(sorted(s), len(s))
s.remove(4)
print(sorted(s))
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
s.update([5, 6], {7}, range(8, 10))
print(sorted(s))
t = s.copy()
t.clear()
print(t, len(s))
p = {10, 20}
out = []
while p:
    out.append(p.pop())
print(sorted(out), p)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
try:
    s.add({})
except TypeError as e:
    print("TypeError:", e)
u = {1, 2, 3}
u.intersection_update({2, 3, 4})
u.difference_update({3})
u.symmetric_difference_update({2, 7})
print(u)
