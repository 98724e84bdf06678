# A module body runs once, however many times it is imported.
import _helper_mod
import _helper_mod
from _helper_mod import bump
import sys
print(bump(), bump())
import _helper_mod
print(_helper_mod.counter)
print("_helper_mod" in sys.modules, sys.modules["_helper_mod"] is _helper_mod)
def later():
    import _helper_mod as again
    return again.bump()
print(later())
