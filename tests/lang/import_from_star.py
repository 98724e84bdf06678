# from module import * honours __all__.
from _helper_mod import *
print(GREETING, add(1, 1), bump())
try:
    _private()
except NameError as e:
    print("NameError:", e)
try:
    fail("x")
except NameError as e:
    print("NameError:", e)
