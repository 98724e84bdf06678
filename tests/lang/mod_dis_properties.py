# Properties of the dis module that hold in CPython 3.11 and in conch alike
# (the instruction sets differ, so the listings themselves are checked by
# tests/unit/dis_module_test.cc).
import dis

names = [i.opname for i in dis.get_instructions("counter += 1")]
print("BINARY_OP" in names, "STORE_NAME" in names, "LOAD_NAME" in names)
add = [i for i in dis.get_instructions("counter += 1") if i.opname == "BINARY_OP"][0]
print(add.arg, add.argrepr)
print(names.index("LOAD_NAME") < names.index("BINARY_OP") < names.index("STORE_NAME"))
store = [i for i in dis.get_instructions("counter += 1") if i.opname == "STORE_NAME"][0]
print(store.argval, store.argrepr)


def f(x):
    return x.attr


ops = [i.opname for i in dis.get_instructions(f)]
print("LOAD_FAST" in ops, "RETURN_VALUE" in ops)
first = next(iter(dis.get_instructions(f)))
print(first.offset, first.starts_line == f.__code__.co_firstlineno)
print(dis.opname[dis.opmap["LOAD_CONST"]], "BINARY_OP" in dis.opmap)
info = dis.code_info(f)
print(info.splitlines()[0], "Argument count:    1" in info)
try:
    dis.dis(42)
except TypeError as e:
    print(e)
