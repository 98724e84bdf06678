# Helper package for the import_*/mod_* tests (corpus3): a package with a
# subpackage, relative imports and a module-level state counter.
print("_pkgc3 init", __name__)
VERSION = (1, 2)
from .core import Engine
from . import util as _util
