# except clauses match subclasses, tuples, and the first matching clause wins.
def kind(fn):
    try:
        fn()
    except (KeyError, IndexError) as e:
        return "LookupError family: " + type(e).__name__
    except ArithmeticError as e:
        return "ArithmeticError family: " + type(e).__name__
    except Exception as e:
        return "other: " + type(e).__name__
    return "no error"
print(kind(lambda: {}["x"]))
print(kind(lambda: [][1]))
print(kind(lambda: 1 / 0))
print(kind(lambda: 2.0 ** 10000))
print(kind(lambda: int("x")))
print(kind(lambda: None))
for exc in [ZeroDivisionError, OverflowError, KeyError, IndexError, ValueError, TypeError, NameError,
            UnboundLocalError, RecursionError, StopIteration, FileNotFoundError, ModuleNotFoundError,
            AttributeError, AssertionError, NotImplementedError, UnicodeDecodeError]:
    print(exc.__name__, [b.__name__ for b in exc.__mro__[1:]])
print(issubclass(KeyError, LookupError), issubclass(bool, int), issubclass(SystemExit, Exception),
      issubclass(KeyboardInterrupt, BaseException))
try:
    raise LookupError("base")
except KeyError:
    print("wrong")
except LookupError as e:
    print("right:", e)
