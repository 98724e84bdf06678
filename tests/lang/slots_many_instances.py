class Cell:
    __slots__ = ("row", "col", "value")
    def __init__(self, r, c, v=0):
        self.row, self.col, self.value = r, c, v
cells = [Cell(r, c, r * c) for r in range(20) for c in range(20)]
print(sum(c.value for c in cells), len(cells))
for c in cells[:3]:
    c.value += 100
print([c.value for c in cells[:4]])
print(all(not hasattr(c, "__dict__") for c in cells))
