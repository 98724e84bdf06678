import random
random.seed(11)
print(random.uniform(1, 10), random.uniform(5, -5), random.triangular(), random.triangular(0, 10, 2))
print(random.expovariate(1.5), random.lognormvariate(0, 1), random.vonmisesvariate(1, 4))
print(random.gammavariate(0.5, 1), random.gammavariate(1.0, 2), random.gammavariate(3, 1))
print(random.betavariate(2, 3), random.paretovariate(3), random.weibullvariate(1, 2))
print(random.triangular(1, 1), random.vonmisesvariate(0, 0) < 7)
try:
    random.gammavariate(0, 1)
except ValueError as e:
    print('ValueError', e)
