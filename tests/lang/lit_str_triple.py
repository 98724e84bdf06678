# Triple-quoted strings, implicit concatenation, line continuations.
s = """first line
second "quoted" line
third 'line'"""
print(s)
print(len(s.splitlines()))
t = '''a
b'''
print(repr(t))
u = ("implicit " "concatenation "
     'across lines')
print(u)
v = "mixed" f"{1 + 1}" r"\n"
print(v)
w = """\
no leading newline"""
print(repr(w))
total = 1 + \
    2 + \
    3
print(total)
print("""x""" """y""")
