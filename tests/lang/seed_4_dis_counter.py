# Seed 004 ("The GIL is Not Your Enemy"): `python -c "import dis;
# dis.dis('counter += 1')"`.  The listing itself is conch's bytecode, checked
# exactly in tests/unit/dis_module_test.cc (CounterIncrementListingIsTheSeeds);
# here the seed's point, which holds in CPython 3.11 too: the load, the add and
# the store are separate instructions, so a thread switch can fall between them.
import dis

ins = list(dis.get_instructions('counter += 1'))
names = [i.opname for i in ins]
load = names.index("LOAD_NAME")
add = names.index("BINARY_OP")
store = names.index("STORE_NAME")
print(load < add < store)
print(ins[load].argval, ins[add].argrepr, ins[store].argval)
print(len({load, add, store}) == 3)
