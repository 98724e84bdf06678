# if / elif / else chains.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
for v in [-5, 0, 3, 42, 1000]:
    print(v, classify(v))
x = 7
if x % 2:
    print("odd")
else:
    print("even")
if x > 100: print("big")
elif x > 5: print("mid")
if []:
    print("empty list is true?")
elif {}:
    print("empty dict is true?")
else:
    print("empties are false")
if x:
    if x > 3:
        if x > 6:
            print("nested deep")
