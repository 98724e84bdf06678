# Keyword-only parameters.
def connect(host, *, port=80, secure=False):
    return f"{host}:{port} secure={secure}"
print(connect("a"), connect("b", port=443, secure=True), connect(secure=True, host="c"))
def req(*, key):
    return key
print(req(key="k"))
def with_args(*items, sep=", "):
    return sep.join(items)
print(with_args("a", "b"), with_args("a", "b", sep="-"))
try:
    connect("a", 8080)
except TypeError as e:
    print("TypeError:", e)
try:
    req()
except TypeError as e:
    print("TypeError:", e)
try:
    req("positional")
except TypeError as e:
    print("TypeError:", e)
def two_required(*, a, b):
    return a + b
try:
    two_required()
except TypeError as e:
    print("TypeError:", e)
print(two_required(b=1, a=2))
