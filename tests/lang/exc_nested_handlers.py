# Nested try blocks, exceptions crossing function boundaries, handler variable scope.
def inner():
    try:
        raise ValueError("from inner")
    except KeyError:
        print("not this one")
def middle():
    try:
        inner()
    finally:
        print("middle cleanup")
try:
    middle()
except ValueError as err:
    print("caught at top:", err)
try:
    print(err)
except NameError as e:
    print("NameError:", e)
results = []
for v in ["1", "x", "3", None]:
    try:
        results.append(int(v))
    except ValueError:
        results.append("bad")
    except TypeError:
        results.append("none")
print(results)
def gen_errors():
    errors = []
    for f in (lambda: 1 / 0, lambda: [][0], lambda: {}[0], lambda: None.x):
        try:
            f()
        except Exception as e:
            errors.append(type(e).__name__)
    return errors
print(gen_errors())
