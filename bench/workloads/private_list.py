"""Thread-private containers: a list each thread owns (append, index, pop, slice)."""


def work(units):
    total = 0
    for u in range(units):
        lst = []
        for i in range(100):
            lst.append(i ^ u)
        lst[5] = lst[-1] + lst[0]
        for _ in range(20):
            total += lst.pop()
        total = (total + len(lst[10:30])) % 1000003
    return total
