# raise, bare re-raise, exception arguments and repr.
def risky(n):
    if n == 0:
        raise ValueError("zero", 0)
    if n == 1:
        raise KeyError("one")
    if n == 2:
        raise TypeError
    return n
for n in range(4):
    try:
        print("ok", risky(n))
    except ValueError as e:
        print("ValueError", e.args, str(e), repr(e))
    except KeyError as e:
        print("KeyError", e.args, str(e), repr(e))
    except TypeError as e:
        print("TypeError", e.args, repr(str(e)), repr(e))
def wrapper():
    try:
        risky(0)
    except ValueError:
        print("logging and re-raising")
        raise
try:
    wrapper()
except ValueError as e:
    print("outer got", e.args)
try:
    try:
        raise IndexError("inner")
    except IndexError as e:
        raise RuntimeError("outer") from e
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__cause__ is e.__context__)
try:
    try:
        raise IndexError("first")
    except IndexError:
        raise KeyError("second")
except KeyError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
e = ValueError("made", "not raised")
print(e, repr(e), e.args, isinstance(e, Exception))
print(repr(Exception()), str(Exception()), repr(ValueError(1)), str(KeyError("k")), str(KeyError("a", "b")))
