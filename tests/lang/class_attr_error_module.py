import math
import _helper_mod
try:
    math.nothing
except AttributeError as e:
    print(e)
try:
    _helper_mod.missing_attr
except AttributeError as e:
    print(e)
print(hasattr(math, "pi"), getattr(math, "tau_x", None))
math.my_attr = 3
print(math.my_attr)
del math.my_attr
try:
    del math.my_attr
except AttributeError as e:
    print(e)
