class Grid:
    def __init__(self):
        self.cells = {}
    def __setitem__(self, key, value):
        x, y = key
        self.cells[(x, y)] = value
    def __getitem__(self, key):
        return self.cells.get(key, ".")
    def __delitem__(self, key):
        del self.cells[key]
    def __len__(self):
        return len(self.cells)

g = Grid()
g[0, 0] = "a"
g[1, 2] = "b"
print(g[0, 0], g[1, 2], g[5, 5], len(g))
del g[0, 0]
print(len(g), g[0, 0])
try:
    del g[9, 9]
except KeyError as e:
    print("KeyError", e)
g[1, 2] += "c"
print(g[1, 2])
class RO:
    def __getitem__(self, k):
        return k
try:
    RO()[1] = 2
except TypeError as e:
    print(e)
try:
    del RO()[1]
except TypeError as e:
    print(e)
print(RO()[1:3], RO()[::2])
