# list error messages.
a = [1, 2, 3]
cases = [
    lambda: a[3],
    lambda: a[-4],
    lambda: [].pop(),
    lambda: a.pop(10),
    lambda: a.remove(9),
    lambda: a.index(9),
    lambda: a["x"],
    lambda: a + (1,),
    lambda: a * [2],
    lambda: a < "x",
    lambda: a.no_such,
    lambda: list(5),
]
for f in cases:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    a[5] = 0
except IndexError as e:
    print("IndexError:", e)
try:
    del a[7]
except IndexError as e:
    print("IndexError:", e)
print(a)
