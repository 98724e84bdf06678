import bisect
a = [1, 2, 2, 3, 5]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 4), bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 0), bisect.bisect(a, 9))
bisect.insort(a, 4); bisect.insort_left(a, 2); bisect.insort_right(a, 0); print(a)
r = [('a', 1), ('b', 3)]; print(bisect.bisect_left(r, 2, key=lambda t: t[1])); bisect.insort(r, ('c', 2), key=lambda t: t[1]); print(r)
def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print('ValueError', e)
