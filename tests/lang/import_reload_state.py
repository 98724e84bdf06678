import _helper_mod
import _helper_mod as h2
print(_helper_mod.bump(), h2.bump(), _helper_mod.counter)
from _helper_mod import counter
print(counter)
import sys
del sys.modules["_helper_mod"]
import _helper_mod as fresh
print(fresh is _helper_mod, fresh.counter)
