# Assorted sys attributes that are the same in every implementation.
import sys
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1)
print(type(sys.version).__name__, sys.version_info[0], sys.version_info >= (3,))
print(sys.byteorder, type(sys.path).__name__, "sys" in sys.modules)
print(sys.stdout is not sys.stderr, callable(sys.exit))
print(type(sys.implementation.name).__name__)
