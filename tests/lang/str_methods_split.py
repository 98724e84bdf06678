# split, rsplit, splitlines, partition, rpartition.
s = "  the quick  brown\tfox \n jumps  "
print(s.split())
print(s.split(" "))
print("a,b,,c,".split(","), "a,b,,c,".split(",", 1), "a,b,,c,".rsplit(",", 2))
print("a b c d".split(None, 2), "a b c d".rsplit(None, 2), "".split(), "".split(","))
print("one::two::three".split("::"), "xAAyAAz".split("AA", -1))
print("line1\nline2\r\nline3\rline4\n".splitlines())
print("line1\nline2\n".splitlines(True), "".splitlines(), "no newline".splitlines())
print("key=value=more".partition("="), "key=value=more".rpartition("="))
print("nothing".partition("="), "nothing".rpartition("="))
print("\u00e9t\u00e9 \u00e0 Paris".split(" "))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
