class Box:
    def __init__(self):
        self._w = 1
    def get_w(self):
        return self._w
    def set_w(self, v):
        self._w = v * 2
    w = property(get_w, set_w, None, "width")
    r = property(lambda self: "ro")

b = Box()
b.w = 5
print(b.w, Box.w.__doc__, b.r)
print(Box.w.fget is Box.get_w, Box.w.fdel)
p = property()
class E:
    x = p
try:
    E().x
except AttributeError as e:
    print(e)
