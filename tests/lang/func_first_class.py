# Functions are values.
def square(x):
    return x * x
def cube(x):
    return x ** 3
ops = {"sq": square, "cube": cube, "neg": lambda x: -x}
for name in ["sq", "cube", "neg"]:
    print(name, ops[name](3))
def apply_twice(f, x):
    return f(f(x))
print(apply_twice(square, 3), apply_twice(ops["neg"], 5))
def make_multiplier(n):
    def mul(x):
        return x * n
    return mul
double = make_multiplier(2)
print(double(21), make_multiplier(3)("ab"), square.__name__, double.__name__)
print(list(map(square, range(5))), callable(square), callable(5))
pipeline = [square, double, str]
v = 3
for fn in pipeline:
    v = fn(v)
print(repr(v))
alias = square
print(alias is square, alias(9))
def doc():
    """A docstring."""
print(doc.__doc__, double.__qualname__)
