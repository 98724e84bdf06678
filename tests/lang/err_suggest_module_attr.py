# AttributeError on a module: the closest name in dir(math).
import math
print(math.sqr(4))
