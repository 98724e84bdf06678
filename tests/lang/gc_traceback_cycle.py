import gc

gc.disable()
gc.collect()

def fail():
    raise ValueError("boom")

def catch():
    try:
        fail()
    except ValueError as e:
        err = e          # frame -> err -> traceback -> frame
    return err

for _ in range(50):
    catch()
gc.collect()
print("collected")
print(gc.collect())

def gen():
    g = yield 1
    yield 2

for _ in range(10):
    g = gen()
    next(g)
    g.send(g)   # the generator's frame now references the generator
    del g
gc.collect()
print(gc.collect())
