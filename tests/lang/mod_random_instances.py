# Independent Random instances, subclasses overriding random(), and
# getrandbits of many sizes.
import random
a, b = random.Random(5), random.Random(5)
print(a.random() == b.random(), a.randint(1, 9), b.randint(1, 9))
print([random.Random(1).getrandbits(k) for k in [0, 1, 8, 31, 32, 33, 64, 65, 100]])
class MyRandom(random.Random):
    def random(self):
        return 0.5
m = MyRandom(3)
print(m.random(), m.choice('abc'), m.randrange(10), m.uniform(0, 2))
class Counting(random.Random):
    def __init__(self, seed):
        random.Random.__init__(self, seed)
        self.calls = 0
    def getrandbits(self, k):
        self.calls += 1
        return random.Random.getrandbits(self, k)
c = Counting(4)
print(c.randrange(1000), c.calls)
print(isinstance(random.Random(), random.Random), random.Random(2).random())
try:
    random.getrandbits(-1)
except ValueError as e:
    print('ValueError', e)
