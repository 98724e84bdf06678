# Lexical layout: comments, blank lines, semicolons, implicit and explicit line joins.

x = 1; y = 2; z = 3   # several statements on one line
print(x, y, z)
values = [
    1,    # comment inside brackets
    2,

    3,
]
print(values)
total = (1 +
         2 +
         3)
print(total)
long_name = 1 + \
    2
print(long_name)
if x == 1: print("one-line if")
for i in range(2): print("one-line for", i)
def one_liner(): return "one-line def"
print(one_liner())
d = {
    "a": 1,
        "b": 2,   # odd indentation inside brackets is fine
}
print(d)
def f():
    # only a comment line before the body statement

    return "body after blank line"
print(f())
s = "# not a comment"
print(s)
	
print("end")  # trailing comment
