# replace and join.
s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("x", "y"), s.replace("one", ""))
print("aaa".replace("a", "bb"), "abc".replace("", "-"), "abc".replace("", "-", 2))
print("\u00e9\u00e9".replace("\u00e9", "e"))
print(", ".join(["a", "b", "c"]), "".join(["x", "y"]), "-".join("abc"), "-".join([]), ":".join(("p",)))
print(" ".join(str(i) for i in range(5)))
print("\u2192".join(["a", "b"]))
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
try:
    ",".join(5)
except TypeError as e:
    print("TypeError:", e)
