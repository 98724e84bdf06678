# Membership in ranges: ints by arithmetic, other numbers by equality.
r = range(0, 20, 5)
print(10 in r, 11 in r, 10.0 in r, 10.5 in r, True in range(2), -5 in r, 20 in r)
print(r.count(5), r.count(5.0), r.index(15))
print(list(range(-10, 10, 7)), -3 in range(-10, 10, 7), 4 in range(-10, 10, 7))
print(range(3) == range(0, 3), range(0, 3, 2) == range(0, 4, 2), hash(range(3)) == hash(range(0, 3)))
