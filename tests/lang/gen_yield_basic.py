# Generator functions with yield (used by many real programs).
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(5)), sum(count_up(101)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def noisy():
    print("start")
    yield 1
    print("middle")
    yield 2
    print("end")
g = noisy()
print("created")
for v in g:
    print("got", v)
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(3))))
def with_return():
    yield 1
    return "result"
it = with_return()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration value:", e.value)
def squares(n):
    for i in range(n):
        yield i * i
print(max(squares(10)), sorted(squares(5), reverse=True), dict(zip("abc", squares(3))))
print(type(count_up(1)).__name__)
