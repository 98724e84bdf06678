class Base:
    def template(self):
        return f"{self.prefix()}-{self.body()}-{self.suffix()}"
    def prefix(self):
        return "B"
    def body(self):
        raise NotImplementedError
    def suffix(self):
        return "end"
class Impl(Base):
    def body(self):
        return "impl"
class Impl2(Impl):
    def prefix(self):
        return "I2"
print(Impl().template(), Impl2().template())
try:
    Base().template()
except NotImplementedError as e:
    print("NotImplementedError", repr(e))
