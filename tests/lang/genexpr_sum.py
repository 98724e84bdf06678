# sum() over generator expressions.
n = 1000
print(sum(i * i for i in range(n)))
print(sum(i for i in range(n) if i % 7 == 0))
print(sum(1 for _ in "hello world" if _ == "o"))
print(sum((x * 0.5 for x in range(10)), 0.0))
print(sum(i ** 3 for i in range(100)) == sum(range(100)) ** 2)
print(sum(2 ** i for i in range(100)))
print(sum(x * y for x, y in zip(range(5), range(5, 10))))
print(sum(len(w) for w in ["alpha", "beta", "gamma"]))
print(sum(i * i for i in range(10 ** 5)))
