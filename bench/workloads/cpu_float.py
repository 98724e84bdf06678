"""Pure-Python CPU: float arithmetic (a small n-body-like integration), boxed floats."""


def work(units):
    x, y, vx, vy = 1.0, 0.0, 0.0, 1.0
    dt = 0.001
    for _ in range(units):
        for _ in range(50):
            r2 = x * x + y * y
            inv = 1.0 / (r2 * r2 ** 0.5)
            vx -= x * inv * dt
            vy -= y * inv * dt
            x += vx * dt
            y += vy * dt
    return int(round((x * x + y * y) * 1000000))
