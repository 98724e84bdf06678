# return with no value, a value, a tuple, early returns.
def none1():
    return
def none2():
    pass
def tup():
    return 1, "two", [3]
def early(n):
    for i in range(n):
        if i * i > n:
            return i
    return -1
def nested_return(x):
    while True:
        if x > 3:
            return "big"
        x += 1
print(none1(), none2(), tup(), early(10), early(0), nested_return(0))
a, b, c = tup()
print(a, b, c)
def multi(flag):
    if flag:
        return "yes"
    else:
        return "no"
    print("unreachable")
print(multi(1), multi(0))
print((lambda: 5)(), (lambda *a: a)(1, 2))
