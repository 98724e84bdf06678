# `match` and `case` stay ordinary names.
match = [1, 2, 3]
case = {"k": 1}
print(match[0], case["k"])
match[1] = 5
print(match)


def match(x):
    return x * 2


print(match(4))
print((lambda match, case: match + case)(1, 2))
class case:
    match = 1
print(case.match)
