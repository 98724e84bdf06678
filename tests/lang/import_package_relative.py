import _pkgc3
print(_pkgc3.Engine(5).boost())
print(_pkgc3.core.double is _pkgc3.util.double)
from _pkgc3.sub import NAME, _d
print(NAME, _d(21))
print(_pkgc3.util.calls)
