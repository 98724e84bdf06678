def a():
    try:
        print("a try")
        return b()
    finally:
        print("a finally")
def b():
    try:
        print("b try")
        raise ValueError("b")
    finally:
        print("b finally")
try:
    a()
except ValueError as e:
    print("caught", e)
