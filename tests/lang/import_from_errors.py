try:
    from _c3_mod import nothing_here
except ImportError as e:
    print(type(e).__name__, e)
try:
    import _no_such_module_c3
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    import _pkgc3.nope
except ModuleNotFoundError as e:
    print(e)
try:
    from _pkgc3 import missing_thing
except ImportError as e:
    print(e)
