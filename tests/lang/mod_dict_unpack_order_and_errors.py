base = {"a": 1, "b": 2}
over = {"b": 3, "c": 4}
d = {**base, "b": 99, **over}
print(d, list(d))
print({**dict.fromkeys("xyz", 0), "y": 1})
def kw(**k):
    return k
print(kw(**base, c=3))
try:
    kw(**base, **{"a": 5})
except TypeError as e:
    print(e)
try:
    {**None}
except TypeError as e:
    print(e)
