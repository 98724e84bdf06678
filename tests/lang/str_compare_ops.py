# String concatenation, repetition, comparison, membership.
a, b = "apple", "banana"
print(a + b, a * 3, 2 * b, a * 0, a * -1 == "", "-" * 20)
print(a < b, a > b, a == "apple", a != "Apple", "Z" < "a", "" < "a", "abc" < "abd", "ab" < "abc")
print(min(["pear", "Apple", "apple", "fig"]), max("hello"), sorted(["b", "A", "a", "B", "\u00e9", "e"]))
s = "a"
s += "b"
s *= 2
print(s, len(s))
print("na" * 4 + " batman")
