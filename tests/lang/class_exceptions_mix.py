# Exceptions and classes: NotImplemented fallback, 'from None', attribute errors,
# handler order, exception str/repr; ends with an uncaught user exception.
class A:
    def __eq__(self, o):
        if not isinstance(o, A): return NotImplemented
        return True
print(A() == A(), A() == 1, 1 == A(), A() != 1, [A()] == [A()], A() in [1, A()])
try:
    try:
        {}['x']
    except KeyError:
        raise ValueError("converted") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
class Animal:
    sound = "..."
    def speak(self): return f"{type(self).__name__} says {self.sound}"
class Dog(Animal): sound = "woof"
class Puppy(Dog):
    def speak(self): return super().speak() + "!"
for a in [Animal(), Dog(), Puppy()]: print(a.speak())
print(Puppy.sound, Puppy.__base__.__name__, Puppy.__mro__[1:])
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
    @property
    def balance(self): return self._balance
    def deposit(self, amt):
        if amt <= 0: raise ValueError("Deposit must be positive")
        self._balance += amt
        return self
    def __str__(self): return f"{self.owner}: {self._balance:.2f}"
    def __repr__(self): return f"Account({self.owner!r}, {self._balance})"
acc = Account("bob").deposit(10).deposit(5.5)
print(acc, repr(acc), [acc], {"a": acc}, f"{acc}", f"{acc!r}", "%s|%r" % (acc, acc))
try: acc.balance = 3
except AttributeError as e: print(e)
try: acc.deposit(-1)
except ValueError as e: print(e)
print(getattr(acc, 'owner'), getattr(acc, 'nope', 'default'))
setattr(acc, 'owner', 'alice'); print(acc.owner); delattr(acc, 'owner'); print(hasattr(acc, 'owner'))
class Stack:
    def __init__(self): self._items = []
    def push(self, x): self._items.append(x)
    def pop(self):
        if not self._items: raise IndexError("pop from empty stack")
        return self._items.pop()
    def __len__(self): return len(self._items)
    def __bool__(self): return bool(self._items)
    def __iter__(self): return iter(reversed(self._items))
s = Stack()
for i in range(3): s.push(i)
print(len(s), bool(s), list(s), s.pop())
print(Stack.push.__name__, Stack.push.__qualname__, type(Stack.push).__name__, type(s.push).__name__)
class E1(Exception): pass
class E2(E1): pass
for exc in [E2("x"), E1("y"), ValueError("z")]:
    try:
        raise exc
    except E2 as e: print("E2", e)
    except E1 as e: print("E1", e)
    except Exception as e: print("other", type(e).__name__, e)
print(str(OSError("plain")), str(KeyError()), str(IndexError("list index out of range")))
e = ValueError("a", 1); print(e.args, str(e), repr(e))
print(type(ValueError), ValueError.__name__, ValueError.__base__, BaseException.__subclasses__ is not None)
raise E2("final")
