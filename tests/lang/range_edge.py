# range objects: empty ranges, negative steps, len, indexing, slicing, membership.
for r in [range(5), range(2, 8), range(0, 10, 3), range(10, 0, -2), range(0), range(5, 5), range(5, 0),
          range(-3, 3), range(0, -10, -3), range(1, 2, 10)]:
    print(r, list(r), len(r), bool(r))
r = range(3, 30, 4)
print(r[0], r[-1], r[2], r[1:4], r[::-1], r[::2], list(r[::-2]), r[10:], r.start, r.stop, r.step)
print(7 in r, 8 in r, 29 in r, 31 in r, r.index(15), r.count(11), r.count(12))
print(range(0) == range(2, 2), range(1, 10, 2) == range(1, 11, 2), range(3) == range(0, 3, 1))
print(list(reversed(range(4))), sum(range(101)), max(range(7)), min(range(3, 9)))
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(5)[5]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    r.index(8)
except ValueError as e:
    print("ValueError:", e)
