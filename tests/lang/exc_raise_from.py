class DataError(Exception):
    pass
def load():
    try:
        int("abc")
    except ValueError as e:
        raise DataError("bad data") from e
try:
    load()
except DataError as e:
    print(e, type(e.__cause__).__name__, e.__suppress_context__)
    print(type(e.__context__).__name__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k") from None
except KeyError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print(e)
