# Program: n-queens counting with backtracking and with bitmasks.


def count_backtracking(n):
    cols = set()
    diag1 = set()
    diag2 = set()
    count = 0

    def place(row):
        nonlocal count
        if row == n:
            count += 1
            return
        for c in range(n):
            if c in cols or row + c in diag1 or row - c in diag2:
                continue
            cols.add(c)
            diag1.add(row + c)
            diag2.add(row - c)
            place(row + 1)
            cols.remove(c)
            diag1.remove(row + c)
            diag2.remove(row - c)

    place(0)
    return count


def count_bits(n):
    full = (1 << n) - 1

    def solve(cols, left, right):
        if cols == full:
            return 1
        total = 0
        free = full & ~(cols | left | right)
        while free:
            bit = free & -free
            free -= bit
            total += solve(cols | bit, ((left | bit) << 1) & full, (right | bit) >> 1)
        return total

    return solve(0, 0, 0)


def first_solution(n):
    board = [-1] * n

    def ok(row, col):
        for r in range(row):
            c = board[r]
            if c == col or abs(c - col) == row - r:
                return False
        return True

    def go(row):
        if row == n:
            return True
        for col in range(n):
            if ok(row, col):
                board[row] = col
                if go(row + 1):
                    return True
        board[row] = -1
        return False

    return board if go(0) else None


def render(board):
    n = len(board)
    return "\n".join("".join("Q" if board[r] == c else "." for c in range(n)) for r in range(n))


for n in range(1, 9):
    a = count_backtracking(n)
    b = count_bits(n)
    print(f"n={n}: {a} solutions", "(agree)" if a == b else "(DISAGREE)")
print("n=9 bitmask:", count_bits(9))
sol = first_solution(8)
print(sol)
print(render(sol))
print(first_solution(3))
sol6 = first_solution(6)
print(render(sol6))
print(sorted(set(abs(sol6[i] - sol6[i + 1]) for i in range(5))))
