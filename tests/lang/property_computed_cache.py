class Circle:
    def __init__(self, r):
        self._r = r
        self._area = None
    @property
    def radius(self):
        return self._r
    @radius.setter
    def radius(self, r):
        if r < 0:
            raise ValueError("negative radius")
        self._r = r
        self._area = None
    @property
    def area(self):
        if self._area is None:
            print("computing")
            self._area = round(3.14159 * self._r ** 2, 3)
        return self._area
c = Circle(2)
print(c.area, c.area)
c.radius = 3
print(c.area)
try:
    c.radius = -1
except ValueError as e:
    print(e)
print(c.radius)
