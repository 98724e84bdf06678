# Comparisons across types: numbers compare by value, others by rules or TypeError.
print(1 == 1.0, 1 == True, 0 == False, 1 != "1", [] == (), [1] == [1.0], (1, 2) == (1.0, 2.0))
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), "a" < "b", b"a" < b"b")
print({1, 2} < {1, 2, 3}, {"a": 1} == {"a": 1.0}, None == None, None != 0)
print(max([3, 1.5, True]), min([2, 2.0]), sorted([2, 1.5, True, 0]))
for a, b in [(1, "a"), ([1], (1,)), (None, None), ({}, {}), (1.5, [1])]:
    try:
        print(a < b)
    except TypeError as e:
        print("TypeError:", e)
try:
    print([1, "a"] < [1, 2])
except TypeError as e:
    print("TypeError:", e)
print([1, "a"] == [1, 2], [1, "a"] < [2, "b"])
