import sys
def f():
    try:
        sys.exit("bye")
    except Exception:
        print("not here")
try:
    f()
except SystemExit as e:
    print("SystemExit", e.code)
try:
    try:
        raise KeyboardInterrupt()
    except Exception:
        print("not here")
except BaseException as e:
    print(type(e).__name__)
