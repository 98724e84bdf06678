# User-defined exception classes.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"not found: {key}")
        self.key = key
def lookup(d, k):
    if k not in d:
        raise NotFound(k)
    return d[k]
try:
    lookup({}, "x")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args, isinstance(e, Exception))
try:
    raise AppError("plain", 2)
except AppError as e:
    print(repr(e), str(e))
print(issubclass(NotFound, AppError), NotFound.__mro__[1].__name__)
