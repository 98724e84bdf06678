import random
random.seed(5)
print(random.sample(range(100), 10))
print(random.sample('abcdefghij', 4), random.sample([1, 2, 3], 3), random.sample(range(10**6), 3))
print(random.sample(['a', 'b'], 3, counts=[2, 1]))
print(random.choices('abc', k=6))
print(random.choices(['x', 'y', 'z'], weights=[10, 1, 1], k=8))
print(random.choices(['x', 'y', 'z'], cum_weights=[1, 2, 10], k=8))
print(random.choices(range(5)))
for bad in [lambda: random.sample(range(3), 4), lambda: random.sample({1, 2}, 1),
            lambda: random.choices('ab', [1], k=1), lambda: random.choices('ab', [1, 1], cum_weights=[1, 2]),
            lambda: random.choices('ab', 3), lambda: random.choices('ab', [0, 0])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
