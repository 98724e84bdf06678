# Seed 004's quiz expressions, each run on the objects the article names and
# inspected with dis (the properties printed hold in CPython 3.11 as well).
# `q.put(x)` (queue.Queue) is seed_4_queue_put.py.
import dis

L = []
item = 1
counter = 0
d = {"k": 1}
k = "k"
v = 5


class Obj:
    field = "value"


obj = Obj()

L.append(item)
counter += 1
d[k] = v
d[k] = d[k] + 1
x = obj.field
print(L, counter, d, x)


def ops(src):
    return [i.opname for i in dis.get_instructions(src)]


print("STORE_SUBSCR" in ops("d[k] = v"))
two = ops("d[k] = d[k] + 1")
print("BINARY_SUBSCR" in two, "STORE_SUBSCR" in two, "BINARY_OP" in two)
print("LOAD_ATTR" in ops("x = obj.field"))
print([n for n in ops("counter += 1") if n in ("LOAD_NAME", "BINARY_OP", "STORE_NAME")])
