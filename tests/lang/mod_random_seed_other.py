# Seeds that are not ints: str and bytes (version 2: SHA-512 appended),
# floats (hashed), version 1 strings, and reseeding with the same value.
import random
for seed in ['', 'hello', 'a' * 200, b'bytes', b'', 3.5, -0.25, 1e100, True]:
    random.seed(seed)
    print(repr(seed)[:20], random.random(), random.randrange(1000))
random.seed('spam', version=1)
print(random.random())
random.seed(7); a = random.random(); random.seed(7); print(a == random.random())
try:
    random.seed([1, 2])
except TypeError as e:
    print('TypeError', e)
