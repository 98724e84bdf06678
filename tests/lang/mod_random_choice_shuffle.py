import random
random.seed(99)
print([random.choice('abcdefg') for _ in range(10)])
print(random.choice([10, 20, 30]), random.choice(range(1000)), random.choice((1,)))
for n in [0, 1, 2, 5, 20]:
    l = list(range(n))
    random.shuffle(l)
    print(l)
try:
    random.choice([])
except IndexError as e:
    print('IndexError', e)
