# raise ... from ...: the last line is the final exception.
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("could not parse " + repr(s)) from e
print(parse("1"))
parse("x")
