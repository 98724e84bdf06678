# A submodule of the helper package.
from . import PKG_NAME


def describe():
    return "sub of " + PKG_NAME
