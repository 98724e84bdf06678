# nonlocal rebinds a variable of the enclosing function.
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc(5)
print(get(), inc(), get())
inc2, get2 = make_counter()
print(inc2(), get(), get2())
def outer():
    x = "outer"
    def middle():
        nonlocal x
        x = "middle"
        def inner():
            nonlocal x
            x = "inner"
        inner()
        return x
    r = middle()
    return r, x
print(outer())
def accum():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add
a = accum()
print(a(1), a(2), a(3))
