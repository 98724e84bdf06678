# Basic f-strings.
name = "world"
n = 42
pi = 3.14159
print(f"hello {name}!")
print(f"{n} {n + 1} {n * 2}")
print(f"{pi:.2f} {pi:10.3f}| {n:5d}| {n:<5}| {n:^7}| {n:>5}|")
print(f"{{braces}} {{{n}}}")
print(f"{name!r} {name.upper()} {len(name)}")
print(f"")
print(f"{'nested quotes'}")
print(f"{[1, 2, 3]} {(1,)} {{'a': 1}}")
print(f"{n}" f"{n}" "plain")
items = ["a", "b"]
print(f"{items[0]}-{items[-1]} {', '.join(items)}")
d = {"k": "v"}
print(f"{d['k']}")
print(f"{3 if n > 10 else 4}")
print(f"{(lambda x: x * 2)(21)}")
