class cm_from_gen:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, et, ev, tb):
        if et is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
        try:
            self.gen.throw(ev)
        except StopIteration:
            return True
        except BaseException as e:
            if e is ev:
                return False
            raise
def tag(name):
    print("<%s>" % name)
    try:
        yield name
    except ValueError as e:
        print("handled", e)
    finally:
        print("</%s>" % name)
with cm_from_gen(tag("b")) as n:
    print("inside", n)
with cm_from_gen(tag("i")):
    raise ValueError("oops")
print("after")
