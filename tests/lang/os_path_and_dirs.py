# args: {tmpdir}
# The os module over posix: path manipulation, directories, stat, errors.
import os
import os.path
import sys
from os.path import join, split, splitext, basename, dirname, normpath
base = sys.argv[1]
print(os.name, os.sep, os.linesep == "\n", os.getcwd() == os.path.abspath("."))
print(join("a", "b", "c.txt"), join("/x", "/y", "z"), join("a/", "b"))
print(split("/a/b/c"), split("c"), split("/"), splitext("f.tar.gz"), splitext(".bashrc"))
print(basename("/a/b.py"), dirname("/a/b.py"), normpath("a//b/./c/../d"), normpath("/../x"))
print(os.path.isabs("/x"), os.path.isabs("x"), os.path.relpath("/a/b/c", "/a"))
d = join(base, "tree")
os.makedirs(join(d, "sub", "deeper"))
os.makedirs(join(d, "sub"), exist_ok=True)
with open(join(d, "f.txt"), "w") as f:
    f.write("hello")
print(sorted(os.listdir(d)), os.path.getsize(join(d, "f.txt")), os.stat(join(d, "f.txt")).st_size)
print(os.path.exists(d), os.path.isdir(d), os.path.isfile(d), os.path.isfile(join(d, "f.txt")))
os.rename(join(d, "f.txt"), join(d, "g.txt"))
for root, dirs, files in os.walk(d):
    print(root[len(base):], sorted(dirs), sorted(files))
os.remove(join(d, "g.txt"))
os.rmdir(join(d, "sub", "deeper"))
os.rmdir(join(d, "sub"))
os.rmdir(d)
print(os.path.exists(d), os.getenv("CONCH_SURELY_UNSET_VAR", "default"))
try:
    os.remove(join(base, "missing.txt"))
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
try:
    os.mkdir(base)
except FileExistsError as e:
    print("FileExistsError", e.errno)
