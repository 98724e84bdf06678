"""Thread-private containers: a dict each thread owns (insert, lookup, update, delete)."""


def work(units):
    total = 0
    for u in range(units):
        d = {}
        for i in range(80):
            d[i] = i + u
        for i in range(0, 80, 3):
            total += d[i]
            del d[i]
        d["k"] = len(d)
        total = (total + d.get("k", 0) + d.get(-1, 7)) % 1000003
    return total
