class X:
    pass
for op, f in (("-", lambda v: -v), ("+", lambda v: +v), ("~", lambda v: ~v), ("abs", abs)):
    try:
        f(X())
    except TypeError as e:
        print(op, e)
try:
    -"s"
except TypeError as e:
    print(e)
