# A random-heavy loop of the kind benchmarks run (a checksum, not timing).
import random
random.seed(123)
total = 0.0
for i in range(20000):
    total += random.random()
hits = 0
for i in range(5000):
    if random.randint(1, 6) == 6:
        hits += 1
print(round(total, 6), hits)
