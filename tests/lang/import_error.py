# Importing a module that does not exist (uncaught).
print("before import")
import no_such_module_for_conch
print("unreachable")
