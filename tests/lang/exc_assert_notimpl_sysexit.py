import sys
try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print(e.args)
class Abstract:
    def area(self):
        raise NotImplementedError("subclass must implement")
try:
    Abstract().area()
except NotImplementedError as e:
    print(type(e).__name__, e)
try:
    sys.exit(3)
except SystemExit as e:
    print("exit code", e.code)
try:
    raise KeyboardInterrupt
except BaseException as e:
    print(type(e).__name__, isinstance(e, Exception))
try:
    raise StopIteration(5)
except StopIteration as e:
    print(e.value)
try:
    open("/nonexistent/dir/file")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
