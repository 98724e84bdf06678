import _pkgc3.sub.leaf
print(_pkgc3.sub.leaf.info())
print(_pkgc3.VERSION, _pkgc3.sub.NAME)
import _pkgc3.sub.leaf as leaf
print(leaf is _pkgc3.sub.leaf, leaf.__name__)
print(sorted(k for k in dir(_pkgc3) if not k.startswith("__")))
