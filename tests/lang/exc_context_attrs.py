try:
    try:
        raise ValueError("inner")
    finally:
        print("cleanup")
except ValueError as e:
    print(e.__context__, e.__cause__)
try:
    try:
        raise ValueError("a")
    except ValueError:
        raise TypeError("b")
except TypeError as e:
    print(repr(e.__context__), e.__suppress_context__)
e = Exception("x")
print(e.__context__, e.__cause__, e.__traceback__)
e2 = RuntimeError("r")
e2.__cause__ = e
print(e2.__suppress_context__, e2.__cause__ is e)
