# n-queens: every solution of the n-queens puzzle, found three ways --
# permutations filtered by diagonals (the classic benchmark's method), a
# backtracking generator and a bitmask search (written for conch).

import itertools


def queens_permutations(n):
    cols = range(n)
    for vec in itertools.permutations(cols):
        if n == len(set(vec[i] + i for i in cols)) == len(set(vec[i] - i for i in cols)):
            yield vec


def queens_backtrack(n):
    placed = []
    used_cols = set()
    diag1 = set()
    diag2 = set()

    def place(row):
        if row == n:
            yield tuple(placed)
            return
        for c in range(n):
            if c in used_cols or (row + c) in diag1 or (row - c) in diag2:
                continue
            placed.append(c)
            used_cols.add(c)
            diag1.add(row + c)
            diag2.add(row - c)
            yield from place(row + 1)
            placed.pop()
            used_cols.discard(c)
            diag1.discard(row + c)
            diag2.discard(row - c)

    yield from place(0)


def queens_bits(n):
    full = (1 << n) - 1
    count = 0
    stack = [(0, 0, 0)]
    while stack:
        cols, d1, d2 = stack.pop()
        if cols == full:
            count += 1
            continue
        free = full & ~(cols | d1 | d2)
        while free:
            bit = free & -free
            free -= bit
            stack.append((cols | bit, ((d1 | bit) << 1) & full, (d2 | bit) >> 1))
    return count


class Board:
    def __init__(self, solution):
        self.solution = solution

    def __str__(self):
        n = len(self.solution)
        rows = []
        for c in self.solution:
            rows.append("".join("Q" if i == c else "." for i in range(n)))
        return "\n".join(rows)

    def mirrored(self):
        n = len(self.solution)
        return Board(tuple(n - 1 - c for c in self.solution))


def main():
    sols = list(queens_permutations(7))
    print(len(sols), sols[0], sols[-1])
    bt = list(queens_backtrack(8))
    print(len(bt), bt[0], bt[-1])
    print(sorted(queens_permutations(6)) == sorted(queens_backtrack(6)))
    print([queens_bits(n) for n in range(1, 10)])
    print(Board(bt[0]))
    print(Board(bt[0]).mirrored().solution in set(bt))


if __name__ == "__main__":
    main()
