def sub():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
def delegator(results):
    while True:
        r = yield from sub()
        results.append(r)
results = []
d = delegator(results)
next(d)
for v in (1, 2, 3):
    d.send(v)
d.send(None)
for v in (10, 20):
    d.send(v)
d.send(None)
print(results)
