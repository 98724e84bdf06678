class Inspect:
    def __enter__(self):
        return "value"
    def __exit__(self, exc_type, exc, tb):
        print(exc_type, type(exc).__name__, type(tb).__name__)
        return exc_type is KeyError
with Inspect() as v:
    print(v)
with Inspect():
    raise KeyError("k")
try:
    with Inspect():
        raise ValueError("v")
except ValueError as e:
    print("escaped", e)
