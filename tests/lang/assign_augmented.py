# Augmented assignment on names, subscripts and attributes, mutable and immutable.
n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 4; print(n)
n //= 5; print(n)
n %= 4; print(n)
n **= 10; print(n)
n <<= 3; print(n)
n >>= 2; print(n)
n &= 0xF0; print(n)
n |= 0x0F; print(n)
n ^= 0xFF; print(n)
n /= 8; print(n)
f = 2.5
f **= 2; print(f)
s = "ab"
s += "cd"; s *= 2; print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
t = (1,)
talias = t
t += (2,)
print(t, talias, t is talias)
d = {"k": 1}
d["k"] += 10
d.setdefault("m", []).append("x")
print(d)
grid = [[0, 0], [0, 0]]
grid[1][0] += 7
print(grid)
def idx():
    print("idx evaluated")
    return 0
arr = [100]
arr[idx()] += 1
print(arr)
