def risky(n):
    try:
        print("try", n)
        if n:
            raise ValueError(n)
        print("no error")
    except ValueError:
        print("except", n)
        raise
    else:
        print("else", n)
    finally:
        print("finally", n)
for n in (0, 1):
    try:
        risky(n)
    except ValueError as e:
        print("caught outside", e)
def finally_raises():
    try:
        raise KeyError("first")
    finally:
        raise TypeError("second")
try:
    finally_raises()
except TypeError as e:
    print(e, repr(e.__context__))
