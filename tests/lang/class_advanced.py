# Classes: metaclasses, __init_subclass__, descriptors with __set_name__, __new__,
# builtin subclasses, cooperative super() in a diamond, context managers.
class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        ns['tag'] = name.lower()
        return super().__new__(mcs, name, bases, ns)
    def __call__(cls, *a, **k):
        obj = super().__call__(*a, **k)
        obj.made_by_meta = True
        return obj
class Base(metaclass=Meta):
    def __init__(self, v=0): self.v = v
class Child(Base): pass
c = Child(5)
print(type(Child).__name__, Child.tag, c.v, c.made_by_meta)
class Reg:
    registry = []
    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        Reg.registry.append((cls.__name__, key))
class R1(Reg, key='a'): pass
class R2(R1): pass
print(Reg.registry)
class Desc:
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return obj.__dict__.get(self.name, 0) * 10
    def __set__(self, obj, value): obj.__dict__[self.name] = value
class D:
    x = Desc()
d = D(); d.x = 4; print(d.x, D.x.name)
class Singleton:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v): self.v = v
a = Singleton(1); b = Singleton(2); print(a is b, a.v)
class Counter(dict):
    def __missing__(self, k): return 0
cc = Counter(); cc['a'] = 1; print(cc['a'], cc.get('b'), isinstance(cc, dict), cc)
class MyList(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.extra = 1
ml = MyList([3, 1, 2]); ml.sort(); print(ml, ml.extra, len(ml), type(ml).__name__, ml + [4])
class MyInt(int):
    def __repr__(self): return f"MyInt({int(self)})"
m = MyInt(5); print(m, m + 1, repr(m), isinstance(m, int), m * 2)
class MyStr(str):
    def shout(self): return self.upper() + "!"
print(MyStr("hi").shout(), MyStr("x") + "y", len(MyStr("abc")))
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class DD(B, C):
    def who(self): return "D" + super().who()
print(DD().who(), [k.__name__ for k in DD.mro()])
print(DD.__dict__['who'].__name__, '__init__' in dir(DD), 'who' in dir(DD()))
class K:
    cnt = 0
    def __init__(self): K.cnt += 1
K(); K(); print(K.cnt)
print(hasattr(K(), 'zz'), getattr(K, 'cnt'), vars(K())=={})
class Cmp:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __hash__(self): return hash(self.v)
print(len({Cmp(1), Cmp(1), Cmp(2)}))
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(It()), sum(It()))
class Ctx:
    def __enter__(self): print("enter"); return self
    def __exit__(self, *a): print("exit", a[0]); return True
with Ctx() as c:
    raise ValueError
print("after")
print(type.__name__, int.__name__, int.__qualname__, int.__module__, object.__doc__[:10])
class Q:
    class Inner: pass
print(Q.Inner.__qualname__, repr(Q.Inner))
print(str(Q()).startswith('<__main__.Q object at 0x'))
print(object.__eq__(1, 1), object.__ne__(1, 2))
print(format(Q.Inner, ''), f"{3:>4}", format(2.5, '.2f'))
