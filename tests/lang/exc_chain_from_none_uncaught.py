def get(d):
    try:
        return d["x"]
    except KeyError:
        raise AttributeError("no x here") from None
get({})
