# The exception line matches even when raised inside an imported module.
import _helper_mod
print(_helper_mod.fail("ok"))
_helper_mod.fail("value")
