# import ... as, from ... import ... as for built-in modules.
import math as m
from math import sqrt as root, pi
import sys as system, time
print(m.floor(2.5), root(49), pi == m.pi, system.maxsize > 0, callable(time.time))
from math import (
    floor,
    ceil,
)
print(floor(-0.5), ceil(-0.5))
