def f(n):
    log = []
    try:
        log.append("outer try")
        try:
            log.append("inner try")
            if n == 0:
                raise KeyError(n)
            if n == 1:
                raise ValueError(n)
            log.append("inner ok")
        except KeyError:
            log.append("inner except")
        finally:
            log.append("inner finally")
        log.append("after inner")
    except ValueError:
        log.append("outer except")
    else:
        log.append("outer else")
    finally:
        log.append("outer finally")
    return log
for n in range(3):
    print(n, f(n))
