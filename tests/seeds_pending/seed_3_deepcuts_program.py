# Seed 003: the DeepCuts program (indentation restored; the page lost it).
# Needs: threading, multiprocessing.Process.  Prints timings: as a test,
# check only that the three lines appear with a float.
# Python DeepCuts — Inside the GIL (Global Interpreter Lock)
# Programmer: python_scripts (Abhijith Warrier)
import threading
import multiprocessing
import time

def cpu_task():
    total = 0
    for i in range(10_000_000):
        total += i
    return total

def io_task():
    time.sleep(1)

def run_threads():
    threads = []
    start = time.time()
    for _ in range(4):
        t = threading.Thread(target=cpu_task)
        threads.append(t)
        t.start()
    for t in threads:
        t.join()
    print("Threading (CPU-bound) time:", time.time() - start)

def run_io_threads():
    threads = []
    start = time.time()
    for _ in range(4):
        t = threading.Thread(target=io_task)
        threads.append(t)
        t.start()
    for t in threads:
        t.join()
    print("Threading (I/O-bound) time:", time.time() - start)

def run_processes():
    processes = []
    start = time.time()
    for _ in range(4):
        p = multiprocessing.Process(target=cpu_task)
        processes.append(p)
        p.start()
    for p in processes:
        p.join()
    print("Multiprocessing time:", time.time() - start)

if __name__ == "__main__":
    run_threads()
    run_io_threads()
    run_processes()
