# A free variable is not among the inner function's locals (co_varnames):
# CPython 3.11 offers no suggestion here.
def f():
    x = 1
    def g():
        return xx
    return g()
f()
