class R:
    @property
    def value(self):
        return 1
r = R()
print(r.value)
r.value = 2
