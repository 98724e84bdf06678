# Annotations are accepted and do not change behaviour.
def add(x: int, y: int = 0) -> int:
    return x + y
count: int = 5
names: list = ["a"]
def greet(name: str, *args: int, flag: bool = False, **kw: str) -> str:
    return f"{name} {args} {flag} {kw}"
print(add(2, 3), add(1), count, names)
print(greet("x", 1, 2, flag=True, z="q"))
print(add.__annotations__)
untyped: float
print("done")
