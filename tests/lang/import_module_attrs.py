import _c3_mod
import sys
print(_c3_mod.__name__, _c3_mod.__doc__)
print(_c3_mod.__file__.endswith("_c3_mod.py"))
print(sys.modules["_c3_mod"] is _c3_mod)
import _c3_mod as again
print(again is _c3_mod)
_c3_mod.public = "changed"
from _c3_mod import public
print(public)
print(type(_c3_mod).__name__)
print(_c3_mod.make(4), _c3_mod._hidden)
