import warnings, traceback, sys
def old():
    warnings.warn("old is deprecated", DeprecationWarning, stacklevel=2)
def f():
    warnings.warn("careful")
for i in range(2):
    f()
old()
warnings.warn("runtime thing", RuntimeWarning)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    f(); f()
    print(len(w), w[0].category.__name__, str(w[0].message))
warnings.simplefilter("error", UserWarning)
try:
    f()
except UserWarning as e:
    print("raised", e)
warnings.resetwarnings()
warnings.filterwarnings("ignore", message="care")
f()
def fail():
    return {}["missing"]
try:
    fail()
except KeyError:
    s = traceback.format_exc()
    print(s.splitlines()[0], s.splitlines()[-1], len(traceback.extract_tb(sys.exc_info()[2])))
    print([fs.name for fs in traceback.extract_tb(sys.exc_info()[2])])
try:
    try:
        fail()
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as e:
    lines = traceback.format_exception(e)
    print(any("direct cause" in l for l in lines), lines[-1], end="")
    print(traceback.format_exception_only(type(e), e))
class MyErr(Exception): pass
print(traceback.format_exception_only(MyErr("x")))
st = traceback.extract_stack()
print(st[-1].name, st[-1].lineno)
warnings.warn("final", UserWarning)
