# Seed 004 ("What the GIL does not protect"): the racy counter, unchanged.
# `counter += 1` is a load, an add and a store, so a thread switch between
# them loses updates; the printed value is nondeterministic by design ("very
# rarely 8_000_000").  Checked here: it is a whole number of increments no
# larger than 8_000_000 (lost updates only ever lower it).
import _seed

SEED = '''
import threading

counter = 0

def work():
    global counter
    for _ in range(1_000_000):
        counter += 1

threads = [threading.Thread(target=work) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()

print(counter)  # very rarely 8_000_000
'''

lines, scope = _seed.run(SEED)
value = int(lines[0])
print(len(lines), value == scope["counter"], 1_000_000 <= value <= 8_000_000)
