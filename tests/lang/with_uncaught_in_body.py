class CM:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print("exit saw", et.__name__)
with CM():
    raise LookupError("from with body")
