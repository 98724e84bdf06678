e = ValueError("a", "b")
print(e.args)
e.args = ("changed",)
print(str(e), repr(e))
e.extra = 5
print(e.extra)
class Rich(Exception):
    def __init__(self, msg, *, code=0):
        super().__init__(msg)
        self.code = code
r = Rich("m", code=7)
print(r.args, r.code, str(r))
try:
    raise Rich("raised", code=9)
except Rich as x:
    print(x.code, x)
