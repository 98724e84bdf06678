# A mutable default is shared between calls.
def append_to(item, target=[]):
    target.append(item)
    return target
a = append_to(1)
b = append_to(2)
print(a, b, a is b)
print(append_to(3, []), append_to(4))
def counter(d={}):
    d["n"] = d.get("n", 0) + 1
    return d["n"]
print(counter(), counter(), counter({}), counter())
def memo_fib(n, cache={0: 0, 1: 1}):
    if n not in cache:
        cache[n] = memo_fib(n - 1) + memo_fib(n - 2)
    return cache[n]
print(memo_fib(80), len(memo_fib.__defaults__[0]))
