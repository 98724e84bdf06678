# chaos: the chaos game -- iterated function systems drawn by random choice
# of affine maps (a Sierpinski triangle, a Barnsley fern and a spline-smoothed
# polygon), written for conch in the style of the classic benchmark.  Uses
# `random` with a fixed seed (CPython's Mersenne Twister sequence), so the
# hit counts and checksums are exact.

import math
import random


class GVector:
    __slots__ = ("x", "y")

    def __init__(self, x=0.0, y=0.0):
        self.x = x
        self.y = y

    def __add__(self, o):
        return GVector(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return GVector(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return GVector(self.x * k, self.y * k)

    def linear_combination(self, o, l1, l2=None):
        if l2 is None:
            l2 = 1 - l1
        return GVector(self.x * l1 + o.x * l2, self.y * l1 + o.y * l2)

    def mag(self):
        return math.sqrt(self.x ** 2 + self.y ** 2)

    def __repr__(self):
        return "<%.6f, %.6f>" % (self.x, self.y)


class Affine:
    def __init__(self, a, b, c, d, e, f, weight):
        self.m = (a, b, c, d, e, f)
        self.weight = weight

    def apply(self, p):
        a, b, c, d, e, f = self.m
        return GVector(a * p.x + b * p.y + e, c * p.x + d * p.y + f)


class Grid:
    def __init__(self, w, h, minx, maxx, miny, maxy):
        self.w = w
        self.h = h
        self.minx, self.maxx, self.miny, self.maxy = minx, maxx, miny, maxy
        self.cells = [[0] * w for _ in range(h)]

    def hit(self, p):
        if not (self.minx <= p.x < self.maxx and self.miny <= p.y < self.maxy):
            return False
        i = int((p.x - self.minx) / (self.maxx - self.minx) * self.w)
        j = int((p.y - self.miny) / (self.maxy - self.miny) * self.h)
        self.cells[j][i] += 1
        return True

    def filled(self):
        return sum(1 for row in self.cells for c in row if c)

    def checksum(self):
        s = 0
        for j, row in enumerate(self.cells):
            for i, c in enumerate(row):
                s = (s * 131 + c * (i + 1) + j) % 2147483647
        return s

    def render(self):
        return "\n".join("".join("#" if c else "." for c in row) for row in reversed(self.cells))


class ChaosGame:
    def __init__(self, maps):
        self.maps = maps
        self.total = sum(m.weight for m in maps)

    def choose(self):
        r = random.random() * self.total
        for m in self.maps:
            r -= m.weight
            if r <= 0:
                return m
        return self.maps[-1]

    def run(self, grid, iterations, start):
        p = start
        misses = 0
        for n in range(iterations):
            p = self.choose().apply(p)
            if n > 10 and not grid.hit(p):
                misses += 1
        return p, misses


def sierpinski(iterations):
    corners = [GVector(0, 0), GVector(1, 0), GVector(0.5, 0.866)]
    grid = Grid(32, 16, 0, 1, 0, 0.9)
    p = GVector(random.random(), random.random())
    for _ in range(iterations):
        corner = random.choice(corners)
        p = p.linear_combination(corner, 0.5)
        grid.hit(p)
    return grid, p


def fern(iterations):
    maps = [
        Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 0.01),
        Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 0.85),
        Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 0.07),
        Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 0.07),
    ]
    grid = Grid(40, 30, -3, 3, 0, 10.5)
    game = ChaosGame(maps)
    p, misses = game.run(grid, iterations, GVector(0, 0))
    return grid, p, misses


def bezier(points, t):
    pts = list(points)
    while len(pts) > 1:
        pts = [a.linear_combination(b, 1 - t) for a, b in zip(pts, pts[1:])]
    return pts[0]


def polygon_walk(iterations):
    n = random.randint(5, 8)
    verts = [GVector(math.cos(2 * math.pi * k / n), math.sin(2 * math.pi * k / n))
             for k in range(n)]
    grid = Grid(24, 24, -1.1, 1.1, -1.1, 1.1)
    p = GVector()
    for _ in range(iterations):
        v = verts[random.randrange(n)]
        p = p.linear_combination(v, 0.4)
        grid.hit(p)
    curve = [bezier(verts[:4], k / 10.0) for k in range(11)]
    return n, grid, p, curve


def main():
    random.seed(1234)
    g, p = sierpinski(20000)
    print("sierpinski", g.filled(), g.checksum(), p)
    print(g.render())
    g, p, misses = fern(20000)
    print("fern", g.filled(), g.checksum(), misses, p)
    n, g, p, curve = polygon_walk(10000)
    print("polygon", n, g.filled(), g.checksum(), p)
    print(curve[0], curve[5], curve[10])
    xs = [random.uniform(-1, 1) for _ in range(5)]
    print(["%.6f" % x for x in xs], random.randint(1, 100))


if __name__ == "__main__":
    main()
