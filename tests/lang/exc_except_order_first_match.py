def classify(exc):
    try:
        raise exc
    except LookupError:
        return "lookup"
    except KeyError:
        return "key (unreachable)"
    except ArithmeticError:
        return "arith"
    except Exception:
        return "other"
for exc in (KeyError(), IndexError(), ZeroDivisionError(), OverflowError(), ValueError()):
    print(type(exc).__name__, classify(exc))
