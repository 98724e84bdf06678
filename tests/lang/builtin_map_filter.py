# map() and filter() are lazy iterators.
print(list(map(str, [1, 2, 3])), list(map(len, ["a", "bb", ""])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(pow, [2, 3], [3, 2])))
print(list(filter(None, [0, 1, "", "a", [], [0], None])), list(filter(lambda x: x % 2, range(10))))
print(list(filter(str.isdigit, "a1b2c3")), "".join(filter(str.isalpha, "a1b2c3")))
def loud(x):
    print("mapping", x)
    return x + 1
m = map(loud, [1, 2, 3])
print("map created")
print(next(m))
print(list(m))
print(sum(map(int, "12345")), max(map(abs, [-7, 3])), sorted(map(lambda s: s[::-1], ["ab", "ca"])))
print(type(m).__name__, type(filter(None, [])).__name__)
