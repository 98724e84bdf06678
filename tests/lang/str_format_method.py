# str.format.
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"), "{1}{0}".format("x", "y"))
print("{name} is {age}".format(name="Bob", age=5), "{0[1]} {1[k]}".format([10, 20], {"k": "v"}))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"), "{:*^9}".format("mid"))
print("{!r} {!s} {!a}".format("x", "y", "\u00e9"))
print("{:{w}.{p}f}".format(3.14159, w=10, p=2), "{{literal}}".format())
print("{:,} {:_} {:+} {:08.3f} {:e} {:%}".format(1234567, 1234567, 5, -3.14159, 0.00012, 0.5))
print("{:x} {:#b} {:o} {:c}".format(255, 5, 64, 97))
print("{0:>{1}}".format("z", 4), "{:d}".format(True))
for fmt, args in [("{} {}", (1,)), ("{0} {2}", (1, 2)), ("{:d}", ("s",)), ("{", ()), ("}", ())]:
    try:
        fmt.format(*args)
    except (IndexError, ValueError, KeyError) as e:
        print(type(e).__name__ + ":", e)
try:
    "{missing}".format(present=1)
except KeyError as e:
    print("KeyError:", e)
