# random.seed(int) gives CPython's Mersenne Twister stream, for small,
# negative and multi-word seeds.
import random
for seed in [0, 1, 2, 42, 12345, -1, -42, 2**32 - 1, 2**32, 2**64 + 5, 10**30, -(10**40)]:
    random.seed(seed)
    print(seed, [random.random() for _ in range(3)])
