class Ignore:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        return et is not None and issubclass(et, ZeroDivisionError)
total = 0
for d in [1, 0, 2, 0, 4]:
    with Ignore():
        total += 8 // d
print(total)
def f():
    try:
        with Ignore():
            return 1 / 0
    finally:
        print("finally after suppressed")
    return "fell through"
print(f())
