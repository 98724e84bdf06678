class Base:
    @classmethod
    def create(cls, *a):
        return cls.__name__, a
    @staticmethod
    def helper(x):
        return x * 2
class Derived(Base):
    @classmethod
    def create(cls, *a):
        name, args = super().create(*a, "extra")
        return "derived:" + name, args
    @staticmethod
    def helper(x):
        return Base.helper(x) + 1
print(Derived.create(1))
print(Derived().create())
print(Derived.helper(5))
