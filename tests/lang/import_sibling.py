# Importing a module that sits next to the script.
import _helper_mod
print(_helper_mod.GREETING)
print(_helper_mod.add(2, 3), _helper_mod.bump(), _helper_mod.bump(), _helper_mod.counter)
print(_helper_mod.__name__, type(_helper_mod).__name__)
from _helper_mod import add, GREETING
print(add("a", "b"), GREETING)
import _helper_mod as h
print(h is _helper_mod, h.counter)
print(h._private())
try:
    h.fail("value")
except ValueError as e:
    print("ValueError:", e)
