import _pkgc3.sub.leaf
print("leaf imported, main block skipped")
print(__name__ == "__main__")
