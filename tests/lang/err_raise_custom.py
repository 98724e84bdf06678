# Raising a built-in exception with a custom message.
def check(v):
    if v < 0:
        raise ValueError(f"negative value: {v}")
    return v
print(check(5))
check(-3)
