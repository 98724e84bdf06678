class Base:
    @property
    def value(self):
        return 10
class Child(Base):
    @property
    def value(self):
        return super().value + 1
print(Child().value)
class Tagged(tuple):
    def __new__(cls, *items):
        self = super().__new__(cls, items)
        self.tag = "t"
        return self
t = Tagged(1, 2)
print(t, t.tag, len(t))
class Str2(str):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
print(Str2("ab"))
