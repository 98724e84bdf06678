class AppError(Exception):
    pass
class CodeError(AppError):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg
    def __str__(self):
        return f"[{self.code}] {self.msg}"
class NoArgs(AppError):
    pass
for exc in [AppError("plain"), AppError("a", 2), CodeError(404, "missing"), NoArgs()]:
    try:
        raise exc
    except AppError as e:
        print(type(e).__name__, repr(str(e)), e.args, repr(e) if not isinstance(e, CodeError) else "")
e = CodeError(1, "x")
print(e.code, e.msg, isinstance(e, Exception), issubclass(CodeError, BaseException))
class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr(1)), str(WithRepr(1, 2)))
