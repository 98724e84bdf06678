# Name resolution: local, enclosing, global, builtin.
x = "global"
def outer():
    x = "enclosing"
    def inner():
        x = "local"
        return x
    def reads_enclosing():
        return x
    return inner(), reads_enclosing()
print(outer(), x)
def uses_builtin():
    return len("abc")
def shadows_builtin():
    len = lambda s: -1
    return len("abc")
print(uses_builtin(), shadows_builtin(), len("abc"))
max = "shadowed max"
print(max)
del max
print(max(1, 2))
def read_global_later():
    return later_defined
later_defined = "defined after the function"
print(read_global_later())
def param_shadows(x):
    return x
print(param_shadows("param"), x)
for x in range(2):
    pass
print(x)
