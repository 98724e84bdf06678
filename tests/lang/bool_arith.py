# bool is an int subclass.
print(True + True, True * 10, False - 1, True / 2, -True, ~True, True << 3)
print(int(True), float(False), str(True), repr(False), True == 1, False == 0, True is not False)
print(isinstance(True, int), isinstance(1, bool), type(True) is bool, bool.__name__)
for v in [0, 1, -1, 0.0, 0.1, "", "0", " ", [], [0], (), {}, {0: 0}, set(), None, range(0), range(1), b"", 2 ** 100]:
    print(repr(v), bool(v))
print(sum([True, True, False, True]), max(True, 2), sorted([True, False, 0, 1]))
print(True and 5, False or "x", not 0, not "a")
print(bool(), True & True, True | False, True ^ False, type(True + 1).__name__, type(True & False).__name__)
