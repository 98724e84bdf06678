# time functions; only relations between timings are printed, never values.
import time
t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
print(type(t0).__name__, type(p0).__name__, type(m0).__name__)
print(t0 > 1.6e9)
time.sleep(0.02)
t1 = time.time()
p1 = time.perf_counter()
m1 = time.monotonic()
print(p1 - p0 >= 0.015, m1 - m0 >= 0.015, t1 >= t0, p1 - p0 < 10)
time.sleep(0)
total = 0
start = time.perf_counter()
for i in range(10000):
    total += i
elapsed = time.perf_counter() - start
print(total, elapsed >= 0)
readings = [time.monotonic() for _ in range(100)]
print(all(a <= b for a, b in zip(readings, readings[1:])))
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    time.sleep("x")
except TypeError as e:
    print("TypeError:", e)
