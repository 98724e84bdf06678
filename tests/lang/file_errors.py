# Errors when opening and using files.
try:
    open("no_such_file_for_conch_tests.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
    print(e.errno, e.filename)
try:
    open("no_such_dir_for_conch/x.txt", "w")
except OSError as e:
    print(type(e).__name__ + ":", e)
try:
    open(__file__, "rz")
except ValueError as e:
    print("ValueError:", e)
f = open(__file__)
first = f.readline()
f.close()
print(first.strip())
try:
    f.readline()
except ValueError as e:
    print("ValueError:", e)
print(isinstance(FileNotFoundError("x"), OSError))
