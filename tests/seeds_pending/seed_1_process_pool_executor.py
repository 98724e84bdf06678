# Seed 001: concurrent.futures.ProcessPoolExecutor.  Needs: multiprocessing
# underneath ProcessPoolExecutor.  Prints nothing (add print(results) in a test).
from concurrent.futures import ProcessPoolExecutor

def calculate(n):
    return sum(i * i for i in range(n))

with ProcessPoolExecutor(max_workers=4) as executor:
    results = list(executor.map(calculate, [10_000_000] * 4))
