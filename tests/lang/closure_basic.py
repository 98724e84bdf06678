# Closures capture variables, not values.
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), add5(add10(0)))
def pair():
    shared = [0]
    def inc():
        shared[0] += 1
        return shared[0]
    def get():
        return shared[0]
    return inc, get
inc, get = pair()
inc(); inc()
print(get())
def outer():
    x = 1
    def show():
        return x
    x = 2
    return show
print(outer()())
def make_fns():
    fns = []
    for i in range(3):
        def f(i=i):
            return i * 10
        fns.append(f)
    return fns
print([f() for f in make_fns()])
def deep(a):
    def l1(b):
        def l2(c):
            def l3(d):
                return a + b + c + d
            return l3
        return l2
    return l1
print(deep(1)(2)(3)(4))
print(add5.__closure__ is not None, len(add5.__closure__))
