# for loops with else, break, continue and nested loops.
for i in range(5):
    if i == 1:
        continue
    if i == 4:
        break
    print("for", i)
else:
    print("not reached")
for i in []:
    print("never")
else:
    print("empty loop else")
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
found = None
for row in [[1, 2], [3, 4], [5, 6]]:
    for v in row:
        if v == 4:
            found = v
            break
    if found:
        break
print("found", found, "row", row)
total = 0
for ch in "a1b2c3":
    if ch.isalpha():
        continue
    total += int(ch)
print(total)
for i in range(3):
    pass
print("i after loop:", i)
