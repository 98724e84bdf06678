# Iterating strings and converting to/from other sequences; maketrans/translate.
word = "hello"
for ch in word:
    print(ch, end=" ")
print()
print(list(word), tuple(word), list(reversed(word)), "".join(reversed(word)))
print(enumerate("ab").__next__(), [i for i, c in enumerate(word) if c == "l"])
print(str(123), str(1.5), str([1, "a"]), str(None), str(True))
table = str.maketrans("abc", "xyz", "h")
print("aabbcc-hi".translate(table), "hello".translate({ord("l"): "L", ord("o"): None}))
print(ord(min(word)), chr(ord("a") + 2), "".join(chr(c) for c in range(97, 102)))
