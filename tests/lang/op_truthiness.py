# Truth values drive if/while/not/and/or.
values = [0, 1, -1, 0.0, 2.5, "", "x", [], [0], (), (None,), {}, {"": 0}, set(), {0}, None, range(0), range(3), b"", b"\x00"]
for v in values:
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
count = 3
while count:
    count -= 1
print("count", count)
print(len([v for v in values if v]), len([v for v in values if not v]))
