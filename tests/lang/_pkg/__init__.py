# A helper package for import_package.py (not collected as a test).
PKG_NAME = "pkg"
print("_pkg: init")
