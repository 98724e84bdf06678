import _c3_mod
def main():
    print("main running", __name__)
    return 0
if __name__ == "__main__":
    main()
print(_c3_mod.__name__ != "__main__")
