try:
    class Conflict:
        __slots__ = ("x",)
        x = 5
except ValueError as e:
    print(e)
class S:
    __slots__ = "single"
s = S()
s.single = 4
print(s.single)
try:
    s.other = 1
except AttributeError as e:
    print(e)
class E:
    __slots__ = ()
try:
    E().a = 1
except AttributeError as e:
    print(e)
