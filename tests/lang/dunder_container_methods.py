class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Bag(*self.items[i])
        return self.items[i]
    def __contains__(self, x):
        return x in self.items
    def __iter__(self):
        return iter(self.items)
    def __reversed__(self):
        return iter(self.items[::-1])
    def __repr__(self):
        return "Bag%r" % (tuple(self.items),)
b = Bag(1, 2, 3, 4)
print(len(b), b[0], b[-1], b[1:3], 3 in b, 9 in b)
print(list(reversed(b)), list(b), sorted(b, reverse=True))
print(enumerate(b).__next__())
try:
    b[10]
except IndexError as e:
    print(e)
