# dict error messages.
d = {"a": 1}
try:
    d["k"]
except KeyError as e:
    print("KeyError:", e, repr(e), e.args)
try:
    d[(1, 2)]
except KeyError as e:
    print("KeyError:", e)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError:", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
try:
    for key in d:
        d[key + "x"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print("ValueError:", e)
try:
    d < d
except TypeError as e:
    print("TypeError:", e)
print(d)
