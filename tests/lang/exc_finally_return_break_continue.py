def f1():
    try:
        return "try"
    finally:
        print("finally f1")
print(f1())
def f2():
    try:
        return "try"
    finally:
        return "finally wins"
print(f2())
def f3():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("finally", i)
    return i
print(f3())
def f4():
    try:
        1 / 0
    finally:
        return "swallowed"
print(f4())
def f5():
    while True:
        try:
            try:
                return "inner"
            finally:
                print("inner finally")
        finally:
            print("outer finally")
print(f5())
def f6():
    x = []
    for i in range(3):
        try:
            x.append(i)
        finally:
            if i == 1:
                break
    return x
print(f6())
