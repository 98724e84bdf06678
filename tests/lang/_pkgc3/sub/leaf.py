from _pkgc3.sub import NAME
from .. import VERSION


def info():
    return NAME + "/leaf", VERSION


if __name__ == "__main__":
    print("leaf run as main")
