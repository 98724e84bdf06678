# find, rfind, index, rindex, count, startswith, endswith, in.
s = "abracadabra"
print(s.find("a"), s.find("bra"), s.find("z"), s.find("a", 1), s.find("a", 1, 3), s.find(""), s.find("", 20))
print(s.rfind("a"), s.rfind("bra"), s.rfind("z"), s.rfind("a", 0, 5))
print(s.index("c"), s.rindex("a"), s.count("a"), s.count("bra"), s.count(""), s.count("a", 4))
print(s.startswith("abra"), s.startswith("bra", 1), s.startswith(("x", "ab")), s.endswith("bra"),
      s.endswith(("cad", "abra")), s.endswith("cad", 0, 7))
print("bra" in s, "xyz" in s, "" in s, "aa" in "aaa", "aaa".count("aa"))
try:
    s.index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("q")
except ValueError as e:
    print("ValueError:", e)
try:
    s.startswith(["a"])
except TypeError as e:
    print("TypeError:", e)
