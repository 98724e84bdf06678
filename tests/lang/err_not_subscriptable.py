# Subscripting None.
def get():
    return None
r = get()
print(r)
r[0]
