def risky(kind):
    if kind == 0:
        return 1 / 0
    if kind == 1:
        return [][1]
    if kind == 2:
        return {}["k"]
    if kind == 3:
        return int("x")
    if kind == 4:
        raise TypeError("tt")
    return "fine"
for k in range(6):
    try:
        r = risky(k)
    except (ZeroDivisionError, IndexError) as e:
        print("arith/index", type(e).__name__, e)
    except (KeyError, ValueError) as e:
        print("key/value", type(e).__name__, e)
    except Exception as e:
        print("other", repr(e))
    else:
        print("else", r)
    finally:
        print("finally", k)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    try:
        raise KeyError("a")
    except KeyError as err:
        pass
    print(err)
except NameError as e:
    print("NameError:", e)
