# raytrace: a small ray tracer (spheres and a plane, point lights, shadows and
# reflections) rendering to an in-memory canvas, written for conch in the
# style of the classic benchmark.  Prints a checksum of the image and a few
# pixels; the image is small so the program runs quickly.

import math

EPSILON = 0.00001


class Vector:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __repr__(self):
        return "Vector(%.4f, %.4f, %.4f)" % (self.x, self.y, self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def magnitude(self):
        return math.sqrt(self.dot(self))

    def __add__(self, o):
        return Vector(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vector(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    def __mul__(self, k):
        return self.scale(k)

    __rmul__ = __mul__

    def cross(self, o):
        return Vector(self.y * o.z - self.z * o.y,
                      self.z * o.x - self.x * o.z,
                      self.x * o.y - self.y * o.x)

    def normalized(self):
        return self.scale(1.0 / self.magnitude())

    def negated(self):
        return self.scale(-1)

    def reflect_through(self, normal):
        d = normal.scale(self.dot(normal))
        return self - d.scale(2)


Vector.ZERO = Vector(0, 0, 0)
Vector.UP = Vector(0, 1, 0)


class Point(Vector):
    pass


class Ray:
    def __init__(self, point, vector):
        self.point = point
        self.vector = vector.normalized()

    def point_at(self, t):
        return self.point + self.vector.scale(t)


class Sphere:
    def __init__(self, centre, radius):
        self.centre = centre
        self.radius = radius

    def intersection_time(self, ray):
        cp = self.centre - ray.point
        v = cp.dot(ray.vector)
        discriminant = self.radius * self.radius - (cp.dot(cp) - v * v)
        if discriminant < 0:
            return None
        return v - math.sqrt(discriminant)

    def normal_at(self, p):
        return (p - self.centre).normalized()


class Halfspace:
    def __init__(self, point, normal):
        self.point = point
        self.normal = normal.normalized()

    def intersection_time(self, ray):
        v = ray.vector.dot(self.normal)
        if v:
            return 1 / -v
        return None

    def normal_at(self, p):
        return self.normal


class Canvas:
    def __init__(self, width, height):
        self.width = width
        self.height = height
        self.pixels = [[(0, 0, 0)] * width for _ in range(height)]

    def plot(self, x, y, r, g, b):
        self.pixels[y][x] = (int(max(0, min(255, r * 255))),
                             int(max(0, min(255, g * 255))),
                             int(max(0, min(255, b * 255))))

    def checksum(self):
        total = 0
        for y, row in enumerate(self.pixels):
            for x, (r, g, b) in enumerate(row):
                total = (total * 31 + r * 3 + g * 5 + b * 7 + x + y) % 1000000007
        return total


class SimpleSurface:
    def __init__(self, base_colour=(1, 1, 1), specular=0.2, lambert=0.6, ambient=None):
        self.base_colour = base_colour
        self.specular = specular
        self.lambert = lambert
        self.ambient = 1 - specular - lambert if ambient is None else ambient

    def colour_at(self, scene, ray, p, normal):
        return self.base_colour


class CheckerboardSurface(SimpleSurface):
    def __init__(self, other=(0, 0, 0), size=1, **kw):
        super().__init__(**kw)
        self.other_colour = other
        self.size = size

    def colour_at(self, scene, ray, p, normal):
        v = p - Vector.ZERO
        v = v.scale(1.0 / self.size)
        if (int(abs(v.x) + 0.5) + int(abs(v.y) + 0.5) + int(abs(v.z) + 0.5)) % 2:
            return self.other_colour
        return self.base_colour


def add_colours(a, scale, b):
    return (a[0] + scale * b[0], a[1] + scale * b[1], a[2] + scale * b[2])


class Scene:
    def __init__(self):
        self.objects = []
        self.lights = []
        self.position = Point(0, 1.8, 10)
        self.look_at = Point(0, 3, 0)
        self.field_of_view = 45
        self.recursion_depth = 0

    def add(self, obj, surface):
        self.objects.append((obj, surface))

    def render(self, canvas):
        fov = self.field_of_view * math.pi / 180
        half_width = math.tan(fov)
        half_height = 0.75 * half_width
        width = half_width * 2
        height = half_height * 2
        pixel_width = width / (canvas.width - 1)
        pixel_height = height / (canvas.height - 1)
        eye = Ray(self.position, self.look_at - self.position)
        vp_right = eye.vector.cross(Vector.UP).normalized()
        vp_up = vp_right.cross(eye.vector).normalized()
        for y in range(canvas.height):
            for x in range(canvas.width):
                x_comp = vp_right.scale(x * pixel_width - half_width)
                y_comp = vp_up.scale(y * pixel_height - half_height)
                ray = Ray(eye.point, eye.vector + x_comp + y_comp)
                colour = self.ray_colour(ray)
                canvas.plot(x, y, *colour)

    def ray_colour(self, ray):
        if self.recursion_depth > 3:
            return (0, 0, 0)
        try:
            self.recursion_depth += 1
            hit = self.intersect(ray)
            if hit is None:
                return (0, 0, 0)
            obj, surface, t = hit
            p = ray.point_at(t)
            return self.shade(surface, ray, p, obj.normal_at(p))
        finally:
            self.recursion_depth -= 1

    def intersect(self, ray):
        best = None
        for obj, surface in self.objects:
            t = obj.intersection_time(ray)
            if t is not None and t > EPSILON:
                if best is None or t < best[2]:
                    best = (obj, surface, t)
        return best

    def visible_lights(self, p):
        result = []
        for light in self.lights:
            hit = self.intersect(Ray(p, light - p))
            if hit is None:
                result.append(light)
        return result

    def shade(self, surface, ray, p, normal):
        b = surface.colour_at(self, ray, p, normal)
        c = (0, 0, 0)
        if surface.specular:
            reflected = Ray(p, ray.vector.reflect_through(normal))
            c = add_colours(c, surface.specular, self.ray_colour(reflected))
        if surface.lambert:
            lambert_amount = 0
            for light in self.visible_lights(p):
                contribution = (light - p).normalized().dot(normal)
                if contribution > 0:
                    lambert_amount += contribution
            lambert_amount = min(1, lambert_amount)
            c = add_colours(c, surface.lambert * lambert_amount, b)
        if surface.ambient:
            c = add_colours(c, surface.ambient, b)
        return c


def build_scene():
    s = Scene()
    s.lights.append(Point(30, 30, 10))
    s.lights.append(Point(-10, 100, 30))
    s.add(Sphere(Point(1, 3, -10), 2), SimpleSurface(base_colour=(1, 1, 0)))
    for y in range(6):
        s.add(Sphere(Point(-3 - y * 0.4, 2.3, -5), 0.4),
              SimpleSurface(base_colour=(y / 6.0, 1 - y / 6.0, 0.5)))
    s.add(Halfspace(Point(0, 0, 0), Vector.UP),
          CheckerboardSurface(size=2, other=(0.1, 0.1, 0.1)))
    return s


def main():
    canvas = Canvas(48, 36)
    scene = build_scene()
    scene.render(canvas)
    print("checksum", canvas.checksum())
    for x, y in ((0, 0), (24, 18), (10, 30), (47, 35), (30, 5)):
        print((x, y), canvas.pixels[y][x])
    print(Vector(1, 2, 3).cross(Vector(4, 5, 6)), Vector(3, 4, 0).normalized())


if __name__ == "__main__":
    main()
