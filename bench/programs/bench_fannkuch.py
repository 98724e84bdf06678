# fannkuch-redux: count the pancake flips of every permutation of 1..n
# (written for conch in the style of the classic benchmark).  Prints the
# checksum and the maximum number of flips.


def flips_of(perm):
    """The number of prefix reversals until 1 comes first."""
    p = list(perm)
    flips = 0
    first = p[0]
    while first != 0:
        # reverse the prefix p[0..first]
        i, j = 0, first
        while i < j:
            p[i], p[j] = p[j], p[i]
            i += 1
            j -= 1
        flips += 1
        first = p[0]
    return flips


def permutations_in_order(n):
    """Permutations of range(n) in the benchmark's rotation order, with
    their sign for the checksum."""
    perm = list(range(n))
    count = [0] * n
    sign = 1
    r = n
    while True:
        yield perm, sign
        sign = -sign
        # next permutation by rotations (as the reference algorithm)
        while r != 1:
            count[r - 1] = r
            r -= 1
        while True:
            if r == n:
                return
            first = perm[0]
            for i in range(r):
                perm[i] = perm[i + 1]
            perm[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def fannkuch(n):
    checksum = 0
    max_flips = 0
    seen = 0
    for perm, sign in permutations_in_order(n):
        seen += 1
        f = flips_of(perm)
        checksum += sign * f
        if f > max_flips:
            max_flips = f
    return checksum, max_flips, seen


class Stats:
    def __init__(self):
        self.histogram = {}

    def add(self, flips):
        self.histogram[flips] = self.histogram.get(flips, 0) + 1

    def report(self):
        return sorted(self.histogram.items())


def flip_histogram(n):
    stats = Stats()
    for perm, _ in permutations_in_order(n):
        stats.add(flips_of(perm))
    return stats.report()


def main():
    for n in (3, 5, 7):
        checksum, max_flips, seen = fannkuch(n)
        print(checksum)
        print("Pfannkuchen(%d) = %d  (%d permutations)" % (n, max_flips, seen))
    print(flip_histogram(6))
    checksum, max_flips, _ = fannkuch(8)
    print("n=8", checksum, max_flips)


if __name__ == "__main__":
    main()
