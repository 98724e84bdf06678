# Comprehension variables are local to the comprehension.
x = "outer"
squares = [x * 2 for x in range(3)]
print(x, squares)
i = 100
print([i for i in range(3)], i)
print({i: i for i in "ab"}, i)
print(list(i for i in range(2)), i)
n = 3
print([n * k for k in range(n)])
def f():
    base = 10
    return [base + j for j in range(3)]
print(f())
def g():
    fns = [lambda: k for k in range(3)]
    return [fn() for fn in fns]
print(g())
def h():
    fns = [lambda k=k: k for k in range(3)]
    return [fn() for fn in fns]
print(h())
try:
    print(k)
except NameError as e:
    print("NameError:", e)
outer_list = [[1, 2], [3]]
print([y for x in outer_list for y in x], x)
