# getstate/setstate round-trip the generator and gauss's cached value.
import random
random.seed(8)
random.gauss()
s = random.getstate()
print(s[0], len(s[1]), s[1][-1], type(s[2]).__name__)
a = [random.random(), random.gauss(), random.randint(1, 100)]
random.setstate(s)
print(a == [random.random(), random.gauss(), random.randint(1, 100)])
r = random.Random(1)
print(r.getstate()[1][:3])
for bad in [lambda: random.setstate((9, (), None)), lambda: random.Random().setstate((3, (1, 2), None))]:
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)
