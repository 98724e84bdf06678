# printf-style % formatting.
print("%s %s" % ("a", 1), "%d" % 42, "%i" % -7, "%5d|%-5d|%05d" % (42, 42, 42))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%f %.2f %10.3f %-10.1f| %e %.2E %g %G" % (3.14159, 3.14159, 3.14159, 3.14159, 12345.678, 12345.678, 0.00001234, 1e20))
print("%r %s" % ("q", "q"), "%a" % "\u00e9", "%c%c" % ("x", 65), "100%%" % ())
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%s" % (1, ), "%s" % [1, 2], "%s" % ((1, 2),), "%+d % d" % (5, 5))
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%d" % 3.99, "%s" % None, "%.3s" % "abcdef", "%5s|%-5s|" % ("ab", "cd"))
print("%d" % 2 ** 70, "%x" % -255)
for fmt, args in [("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", 1)]:
    try:
        fmt % args
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
