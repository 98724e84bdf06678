"""Shared reads: the same global dict, global list and class attributes, and comparisons against constants."""

TABLE = {i: i * i for i in range(64)}
NAMES = ["alpha", "beta", "gamma", "delta"] * 16
LIMIT = 40


class Config:
    factor = 3
    offset = 11


def work(units):
    total = 0
    for u in range(units):
        for i in range(64):
            v = TABLE[i] + len(NAMES[i])
            if v > LIMIT and NAMES[i] == "beta":
                total += v * Config.factor
            elif i is not None:
                total += Config.offset
        total %= 1000003
    return total
