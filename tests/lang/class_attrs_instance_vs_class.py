class Counter:
    count = 0
    tags = []

    def __init__(self, name):
        self.name = name
        Counter.count += 1

a = Counter("a")
b = Counter("b")
print(Counter.count, a.count, b.count)
a.count = 10
print(Counter.count, a.count, b.count)
del a.count
print(a.count)
a.tags.append("shared")
print(b.tags, Counter.tags)
print(sorted(vars(a)))
print("count" in Counter.__dict__, "name" in Counter.__dict__)
Counter.extra = lambda self: "extra " + self.name
print(a.extra(), b.extra())
