from _pkgc3 import Engine, VERSION
from _pkgc3.util import double
from _pkgc3 import util
print(Engine(3).boost(), VERSION, double(4), util.calls)
from _pkgc3.sub.leaf import info as leaf_info
print(leaf_info())
import sys
print("_pkgc3.util" in sys.modules, "_pkgc3.sub" in sys.modules)
