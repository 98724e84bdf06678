def handler():
    try:
        {}["missing"]
    except KeyError:
        print("logging")
        raise
try:
    handler()
except KeyError as e:
    print("outer", repr(e))
def nested():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError:
            pass
        raise
try:
    nested()
except ValueError as e:
    print("re-raised", e)
try:
    raise
except RuntimeError as e:
    print(e)
