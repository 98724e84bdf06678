"""Pure-Python CPU: method calls and attribute access on instances of small classes."""


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def moved(self, dx):
        self.x += dx
        return self


def work(units):
    a = Point(1, 2)
    b = Point(3, 4)
    total = 0
    for _ in range(units):
        for _ in range(40):
            total += a.moved(1).dot(b)
            a.moved(-1)
        total %= 1000003
    return total
