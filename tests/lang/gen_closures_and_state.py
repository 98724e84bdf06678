def make_counter_gens():
    gens = []
    for i in range(3):
        def g(i=i):
            for k in range(i):
                yield (i, k)
        gens.append(g())
    return gens
for g in make_counter_gens():
    print(list(g))
def stateful():
    seen = set()
    while True:
        x = yield len(seen)
        seen.add(x)
s = stateful()
next(s)
print([s.send(v) for v in "abca"])
