# gauss caches its second Box-Muller value exactly as CPython does; reseeding
# clears the cache.
import random
random.seed(3)
print([random.gauss(0, 1) for _ in range(5)])
print([random.gauss(10, 2.5) for _ in range(3)])
random.seed(3)
print(random.gauss(), random.normalvariate(), random.gauss())
random.seed(3)
print([round(random.normalvariate(5, 1), 12) for _ in range(4)])
