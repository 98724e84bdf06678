# The LOAD_GLOBAL cache: globals rebound, deleted, shadowing a builtin after
# warm-up, and builtins changed (conch's speed work).
import builtins

counter = 0


def read_counter():
    return counter


def use_len(x):
    return len(x)


def use_abs(x):
    return abs(x)


for i in range(3):
    counter = i
    print(read_counter(), use_len("abc"), use_abs(-i))

# Rebound global.
counter = "rebound"
print(read_counter())
# Deleted global.
del counter
try:
    read_counter()
except NameError as e:
    print("NameError:", e)
counter = 42
print(read_counter())


# A global that shadows a builtin after warm-up, then goes away again.
def len(x):
    return "my len"


print(use_len("abc"))
del len
print(use_len("abc"))

# The builtin itself replaced and restored.
orig_abs = builtins.abs
builtins.abs = lambda x: "patched abs"
print(use_abs(-3))
builtins.abs = orig_abs
print(use_abs(-3))
del builtins.abs
try:
    use_abs(-3)
except NameError as e:
    print("NameError:", e)
builtins.abs = orig_abs
print(use_abs(-3))

# Many new globals (the globals dict is resized: entry indices move).
for i in range(200):
    globals()["g%d" % i] = i
print(read_counter(), use_len([1, 2]), g150)


# The same code with different globals dicts (exec): no cross-talk.
src = """
def f():
    return value, len("xy")
"""
ns1 = {"value": 1}
ns2 = {"value": 2, "len": lambda s: "ns2 len"}
exec(src, ns1)
exec(src, ns2)
for _ in range(3):
    print(ns1["f"](), ns2["f"]())
f1 = ns1["f"]
ns1["len"] = lambda s: "ns1 len"
print(f1(), ns2["f"]())
del ns1["len"]
del ns2["value"]
print(f1())
try:
    ns2["f"]()
except NameError as e:
    print("NameError:", e)

# Same code object shared by functions with equal-looking globals.
code = compile("def g():\n    return k\n", "<s>", "exec")
da, db = {"k": "a"}, {}
exec(code, da)
exec(code, db)
for _ in range(3):
    print(da["g"]())
try:
    db["g"]()
except NameError as e:
    print("NameError:", e)
db["k"] = "b"
print(db["g"](), da["g"]())
