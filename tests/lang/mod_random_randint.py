# randint/randrange go through _randbelow (getrandbits with rejection), so
# the same seed gives the same ints as CPython.
import random
random.seed(2024)
print([random.randint(1, 6) for _ in range(20)])
print([random.randrange(10) for _ in range(10)])
print([random.randrange(5, 100, 5) for _ in range(10)])
print([random.randrange(100, 0, -7) for _ in range(10)])
print([random.randint(-10**20, 10**20) for _ in range(3)])
print([random.randrange(2**70) for _ in range(2)])
print(random.randint(5, 5))
