# Program: an ASCII Mandelbrot renderer using float arithmetic only.


def escape_time(cr, ci, limit):
    zr = zi = 0.0
    for i in range(limit):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return i
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return limit


def render(width, height, limit, x0=-2.2, x1=0.8, y0=-1.2, y1=1.2):
    palette = " .:-=+*#%@"
    rows = []
    counts = [0] * (limit + 1)
    for j in range(height):
        ci = y0 + (y1 - y0) * j / (height - 1)
        row = []
        for i in range(width):
            cr = x0 + (x1 - x0) * i / (width - 1)
            n = escape_time(cr, ci, limit)
            counts[n] += 1
            row.append(palette[n * (len(palette) - 1) // limit])
        rows.append("".join(row))
    return rows, counts


rows, counts = render(60, 24, 50)
for r in rows:
    print(r.rstrip())
inside = counts[-1]
print("inside points:", inside, "of", sum(counts))
print("escape histogram:", [c for c in counts[:10]])
area = 3.0 * 2.4 * inside / sum(counts)
print("area estimate: %.3f" % area)
print("symmetric:", rows == rows[::-1] or rows[1:] == rows[1:][::-1])
zoom, zc = render(30, 10, 100, -0.75, -0.73, 0.09, 0.11)
print("\n".join(zoom))
print("zoom max escape:", max(i for i, c in enumerate(zc) if c))
for c in [(0.0, 0.0), (-1.0, 0.0), (0.25, 0.0), (0.26, 0.0), (-2.0, 0.0), (0.3, 0.5)]:
    print(c, escape_time(c[0], c[1], 200))
