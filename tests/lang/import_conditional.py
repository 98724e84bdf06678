import sys
if sys.version_info >= (3, 0):
    import _c3_mod as helper
else:
    helper = None
print(helper.public)
try:
    import _definitely_missing_mod as fast
except ImportError:
    fast = None
print(fast)
try:
    from _c3_mod import make
    HAVE_MAKE = True
except ImportError:
    HAVE_MAKE = False
print(HAVE_MAKE, make(2))
def lazy():
    import _c3_mod
    return _c3_mod.extra
print(lazy())
if False:
    import _definitely_missing_mod2
print("_definitely_missing_mod2" in sys.modules)
