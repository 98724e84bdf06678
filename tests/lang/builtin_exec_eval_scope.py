# exec/eval/compile with explicit and implicit namespaces.
x = 10
print(eval("x + 1"), eval("x * y", {"x": 2, "y": 3}), eval("  1 + 1"))
ns = {}
exec("a = 1\ndef f(n):\n    return n + a", ns)
print(ns["a"], ns["f"](41), "__builtins__" in ns)
def scope():
    local_v = 5
    return eval("local_v * 2"), sorted(locals())
print(scope())
code = compile("print('compiled', 6 * 7)", "<demo>", "exec")
exec(code)
print(eval(compile("[i * i for i in range(4)]", "<e>", "eval")))
g = {"v": 1}
exec("v += 1", g)
print(g["v"])
for src, mode in [("1 +", "eval"), ("x = (", "exec")]:
    try:
        compile(src, "<bad>", mode)
    except SyntaxError as e:
        print("SyntaxError", e.lineno)
for bad in [lambda: exec(1), lambda: exec("1", []), lambda: compile("1", "f", "bogus"),
            lambda: eval("undefined_name_q")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
