# float: create many Point objects, normalize them and take the maximum of
# each coordinate (written for conch in the style of the classic benchmark).

from math import sin, cos, sqrt


class Point:
    __slots__ = ("x", "y", "z")

    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return "<Point: x=%.9f, y=%.9f, z=%.9f>" % (self.x, self.y, self.z)

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    nxt = points[0]
    for p in points[1:]:
        nxt = nxt.maximize(p)
    return nxt


def benchmark(n):
    points = [None] * n
    for i in range(n):
        points[i] = Point(i)
    for p in points:
        p.normalize()
    return maximize(points)


def stats(n):
    xs = [sin(i) * cos(i / 3.0) for i in range(n)]
    mean = sum(xs) / n
    var = sum((x - mean) ** 2 for x in xs) / n
    return mean, var, min(xs), max(xs)


def main():
    for n in (1000, 20000):
        print(benchmark(n))
    mean, var, lo, hi = stats(5000)
    print("%.12f %.12f %.12f %.12f" % (mean, var, lo, hi))
    print(round(sum(sqrt(i) for i in range(10000)), 6))


if __name__ == "__main__":
    main()
