# Importing a package from a subdirectory and one of its submodules.
import _pkg
print(_pkg.PKG_NAME)
from _pkg import sub
print(sub.describe())
import _pkg.sub
print(_pkg.sub is sub, _pkg.sub.__name__)
