"""Pure-Python CPU: string building (concatenation, join, formatting, slicing)."""


def work(units):
    total = 0
    for u in range(units):
        parts = []
        for i in range(20):
            parts.append("item" + str(i) + ":" + str(u % 7))
        s = ",".join(parts)
        s = s.upper()[3:] + "%d-%s" % (u % 11, "x" * (u % 5))
        total = (total + len(s) + s.count("I")) % 1000003
    return total
