# Keyword arguments and **kwargs.
def show(**kwargs):
    return kwargs
print(show(), show(a=1), show(z=1, a=2, m=3))
def mixed(a, b=2, **rest):
    return a, b, rest
print(mixed(1), mixed(1, 3), mixed(1, c=4), mixed(b=5, a=6, d=7), mixed(1, 2, **{"x": 8}))
def describe(name, **attrs):
    parts = [name]
    for k, v in attrs.items():
        parts.append(f"{k}={v!r}")
    return " ".join(parts)
print(describe("box", width=3, color="red", tags=["a"]))
opts = {"sep": "|", "end": "!\n"}
print("a", "b", **opts)
def kwonly_default(*, flag=False):
    return flag
print(kwonly_default(), kwonly_default(flag=True))
def pass_through(**kw):
    return show(**kw, extra=1)
print(pass_through(q=0))
