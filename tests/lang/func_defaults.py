# Default argument values are evaluated once, at definition time.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))
base = 10
def add(x, y=base):
    return x + y
base = 20
print(add(1), add(1, 2))
def seq(n, start=0, step=1):
    return list(range(start, start + n * step, step))
print(seq(3), seq(3, 5), seq(3, step=-1), seq(n=2, step=10, start=1))
def f(a, b=None):
    if b is None:
        b = []
    b.append(a)
    return b
print(f(1), f(2), f(3, [0]))
print(greet.__defaults__, add.__defaults__)
