# global declarations.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter, bump())
def make_global():
    global created
    created = "made inside"
make_global()
print(created)
x = "module"
def shadow():
    x = "local"
    return x
def reader():
    return x
print(shadow(), reader(), x)
def set_two():
    global a, b
    a, b = 1, 2
set_two()
print(a, b)
def read_then_fail():
    try:
        print(y_not_global)
    except NameError as e:
        print("NameError:", e)
read_then_fail()
