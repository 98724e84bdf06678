# __name__ is "__main__" in the script and the module's name in imports.
import _helper_mod
def main():
    print("main runs, __name__ =", __name__)
    print("helper name:", _helper_mod.__name__)
if __name__ == "__main__":
    main()
else:
    print("not main")
