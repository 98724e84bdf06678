class Vec:
    __slots__ = ("x", "y")
v = Vec()
v.x = 1
v.w = 2
