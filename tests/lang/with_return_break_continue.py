class CM:
    def __init__(self, tag):
        self.tag = tag
    def __enter__(self):
        print("in", self.tag)
    def __exit__(self, *exc):
        print("out", self.tag, exc[0])
def ret():
    with CM("ret"):
        return "returned"
print(ret())
for i in range(3):
    with CM(i):
        if i == 0:
            continue
        if i == 1:
            break
print("loop done", i)
def gen():
    with CM("gen"):
        yield 1
        yield 2
for v in gen():
    print("got", v)
g = gen()
next(g)
g.close()
print("closed")
