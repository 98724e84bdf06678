def use():
    from _c3_mod import make
    import _c3_mod as m
    return make(1), m.public
print(use())
class C:
    import _c3_mod as mod
    value = mod.public
print(C.value, C.mod.__name__)
