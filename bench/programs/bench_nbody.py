# n-body: a planetary system integrated with a symplectic Euler step, in the
# style of the classic benchmark (written for conch).  Prints the energy before
# and after, and a checksum of the final positions.

import math

PI = math.pi
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


class Body:
    __slots__ = ("name", "x", "y", "z", "vx", "vy", "vz", "mass")

    def __init__(self, name, x, y, z, vx, vy, vz, mass):
        self.name = name
        self.x = x
        self.y = y
        self.z = z
        self.vx = vx * DAYS_PER_YEAR
        self.vy = vy * DAYS_PER_YEAR
        self.vz = vz * DAYS_PER_YEAR
        self.mass = mass * SOLAR_MASS

    def kinetic(self):
        return 0.5 * self.mass * (self.vx * self.vx + self.vy * self.vy + self.vz * self.vz)

    def __repr__(self):
        return "Body(%s, %.6f, %.6f, %.6f)" % (self.name, self.x, self.y, self.z)


def make_system():
    sun = Body("sun", 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0)
    jupiter = Body("jupiter",
                   4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
                   1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
                   9.54791938424326609e-04)
    saturn = Body("saturn",
                  8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
                  -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
                  2.85885980666130812e-04)
    uranus = Body("uranus",
                  1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
                  2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
                  4.36624404335156298e-05)
    neptune = Body("neptune",
                   1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
                   2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
                   5.15138902046611451e-05)
    return [sun, jupiter, saturn, uranus, neptune]


def pairs_of(bodies):
    result = []
    for i in range(len(bodies)):
        for j in range(i + 1, len(bodies)):
            result.append((bodies[i], bodies[j]))
    return result


def offset_momentum(bodies):
    px = py = pz = 0.0
    for b in bodies:
        px += b.vx * b.mass
        py += b.vy * b.mass
        pz += b.vz * b.mass
    sun = bodies[0]
    sun.vx = -px / SOLAR_MASS
    sun.vy = -py / SOLAR_MASS
    sun.vz = -pz / SOLAR_MASS


def energy(bodies, pairs):
    e = 0.0
    for b in bodies:
        e += b.kinetic()
    for b1, b2 in pairs:
        dx = b1.x - b2.x
        dy = b1.y - b2.y
        dz = b1.z - b2.z
        e -= (b1.mass * b2.mass) / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for b1, b2 in pairs:
            dx = b1.x - b2.x
            dy = b1.y - b2.y
            dz = b1.z - b2.z
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * math.sqrt(d2))
            m1 = b1.mass * mag
            m2 = b2.mass * mag
            b1.vx -= dx * m2
            b1.vy -= dy * m2
            b1.vz -= dz * m2
            b2.vx += dx * m1
            b2.vy += dy * m1
            b2.vz += dz * m1
        for b in bodies:
            b.x += dt * b.vx
            b.y += dt * b.vy
            b.z += dt * b.vz


def checksum(bodies):
    total = 0.0
    for i, b in enumerate(bodies):
        total += (i + 1) * (b.x + 2 * b.y + 3 * b.z)
    return total


def main(steps=20000):
    bodies = make_system()
    pairs = pairs_of(bodies)
    offset_momentum(bodies)
    print("%.9f" % energy(bodies, pairs))
    advance(bodies, pairs, 0.01, steps)
    print("%.9f" % energy(bodies, pairs))
    for b in bodies:
        print(b)
    print("checksum %.6f" % checksum(bodies))


if __name__ == "__main__":
    main()
