# Helper module for the mod_*/import_* tests (corpus3).
"""c3 helper docstring"""
print("_c3_mod loading as", __name__)
__all__ = ["public", "Shape"]
public = "public value"
_hidden = "hidden"
extra = "not in __all__"


class Shape:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "Shape(%d)" % self.n


def make(n):
    return Shape(n)


if __name__ == "__main__":
    print("never printed when imported")
else:
    print("imported, not main")
