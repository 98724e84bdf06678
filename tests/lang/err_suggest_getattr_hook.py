# An AttributeError raised by __getattr__ without name/obj: the failed
# lookup records them, so the traceback still suggests the close name.
class Lazy:
    def __init__(self):
        self.colour = "red"
    def __getattr__(self, name):
        raise AttributeError(name)
print(Lazy().color)
