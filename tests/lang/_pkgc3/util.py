print("_pkgc3.util loading")
calls = 0


def double(x):
    global calls
    calls += 1
    return x * 2
