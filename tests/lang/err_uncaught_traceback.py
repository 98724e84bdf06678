# An exception raised three calls deep; stdout before it still appears.
def level3(x):
    return {"k": 1}[x]
def level2(x):
    print("in level2")
    return level3(x) + 1
def level1():
    print("in level1")
    return level2("missing")
print("start")
level1()
print("never")
