# Seed 001: multiprocessing.Pool.map.  Needs: multiprocessing (fork-based Pool).
# Deterministic output: Total: 1333333133333340000000 (4 x sum of squares).
from multiprocessing import Pool

def cpu_task(n):
    return sum(i * i for i in range(n))

if __name__ == "__main__":
    with Pool(4) as pool:
        results = pool.map(cpu_task, [10_000_000] * 4)
    print(f"Total: {sum(results)}")
