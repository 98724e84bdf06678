# Format specs computed by nested replacement fields.
width = 10
prec = 3
value = 2.718281828
print(f"[{value:{width}.{prec}f}]")
print(f"[{value:>{width}}]")
print(f"[{'x':{'*'}^{width}}]")
for w in range(1, 6):
    print(f"[{w:{w}}]")
align = "<"
print(f"[{'left':{align}{width}}]")
fmt = ".2e"
print(f"{value:{fmt}}")
print(f"{12345:{','}}")
print(f"{value:{width - 2}.{prec + 1}}")
