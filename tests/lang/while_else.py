# while loops with else, break and continue.
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("i =", i)
else:
    print("while finished normally")
n = 0
while True:
    n += 1
    if n >= 3:
        break
print("n =", n)
k = 10
while k > 0:
    k -= 3
    if k == 1:
        print("found 1, breaking")
        break
else:
    print("not printed")
m = 0
while m < 0:
    m += 1
else:
    print("else runs even if the body never ran")
def find(seq, target):
    i = 0
    while i < len(seq):
        if seq[i] == target:
            return i
        i += 1
    return -1
print(find([4, 5, 6], 6), find([], 1))
