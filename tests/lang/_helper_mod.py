# A helper module imported by the import_* tests (not a test itself: leading underscore).
print("_helper_mod: loading, __name__ =", __name__)

GREETING = "hello from helper"
counter = 0


def add(a, b):
    return a + b


def bump():
    global counter
    counter += 1
    return counter


def _private():
    return "private"


def fail(kind):
    if kind == "value":
        raise ValueError("raised in helper")
    return kind


__all__ = ["GREETING", "add", "bump"]
