# ImportError and ModuleNotFoundError, caught.
try:
    import missing_module_abc
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from math import no_such_name
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
try:
    import missing_module_abc
except ImportError as e:
    print("ImportError subclass caught:", type(e).__name__)
