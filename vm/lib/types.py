'''Names for built-in types, SimpleNamespace, GenericAlias and UnionType
(CPython 3.11 semantics).

conch's runtime builds list[int] (every builtin __class_getitem__) and
int | None (type.__or__) by calling GenericAlias and _type_or here, so the
rules for both live in one place, in Python.
'''

import sys

__all__ = ['FunctionType', 'LambdaType', 'MethodType', 'GeneratorType', 'CodeType',
           'ModuleType', 'BuiltinFunctionType', 'BuiltinMethodType', 'MappingProxyType',
           'SimpleNamespace', 'GenericAlias', 'UnionType', 'NoneType', 'EllipsisType',
           'NotImplementedType', 'new_class', 'resolve_bases', 'DynamicClassAttribute']


def _f():
    pass


def _g():
    yield 1


class _C:
    def _m(self):
        pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
GeneratorType = type(_g())
MethodType = type(_C()._m)
ModuleType = type(sys)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
MappingProxyType = type(type.__dict__)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
del _f, _g, _C


class SimpleNamespace:
    '''A simple attribute-based namespace.'''

    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        key = id(self)
        if key in _repr_running:
            return name + '(...)'
        _repr_running.add(key)
        try:
            items = ', '.join('%s=%r' % (k, v) for k, v in self.__dict__.items())
        finally:
            _repr_running.discard(key)
        return '%s(%s)' % (name, items)

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None


_repr_running = set()


def _type_repr(obj):
    '''repr of one argument inside list[...] / int | ..., as CPython's ga_repr.'''
    if obj is Ellipsis:
        return '...'
    if obj is None or obj is NoneType:
        return 'None'
    if isinstance(obj, type) and not isinstance(obj, GenericAlias):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    return repr(obj)


class GenericAlias:
    '''Represent a parameterized generic type, e.g. list[int].'''

    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        params = []
        for a in args:
            for p in getattr(a, '__parameters__', ()) if not isinstance(a, type) else ():
                if p not in params:
                    params.append(p)
            if _is_typevar(a) and a not in params:
                params.append(a)
        self.__parameters__ = tuple(params)

    def __repr__(self):
        if len(self.__args__) == 0:
            args = '()'
        else:
            parts = []
            for a in self.__args__:
                if isinstance(a, list):
                    parts.append('[' + ', '.join(_type_repr(x) for x in a) + ']')
                else:
                    parts.append(_type_repr(a))
            args = ', '.join(parts)
        return '%s[%s]' % (_type_repr(self.__origin__), args)

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __getitem__(self, items):
        if not self.__parameters__:
            raise TypeError('%r is not a generic class' % (self,))
        if not isinstance(items, tuple):
            items = (items,)
        if len(items) != len(self.__parameters__):
            raise TypeError('Too %s arguments for %r' %
                            ('many' if len(items) > len(self.__parameters__) else 'few', self))
        subst = dict(zip(self.__parameters__, items))
        return GenericAlias(self.__origin__, tuple(_subst(a, subst) for a in self.__args__))

    def __instancecheck__(self, obj):
        raise TypeError('isinstance() argument 2 cannot be a parameterized generic')

    def __subclasscheck__(self, cls):
        raise TypeError('issubclass() argument 2 cannot be a parameterized generic')

    def __or__(self, other):
        return _type_or(self, other)

    def __ror__(self, other):
        return _type_or(other, self)


def _is_typevar(a):
    return type(a).__name__ in ('TypeVar', 'ParamSpec') and type(a).__module__ == 'typing'


def _subst(a, subst):
    if _is_typevar(a):
        return subst.get(a, a)
    params = getattr(a, '__parameters__', ()) if not isinstance(a, type) else ()
    if params:
        return a[tuple(subst.get(p, p) for p in params)]
    return a


class UnionType:
    '''Represent a PEP 604 union type, e.g. int | str.'''

    def __init__(self, args):
        self.__args__ = args
        params = []
        for a in args:
            for p in getattr(a, '__parameters__', ()) if not isinstance(a, type) else ():
                if p not in params:
                    params.append(p)
        self.__parameters__ = tuple(params)

    def __repr__(self):
        return ' | '.join(_type_repr(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__args__)

    def __or__(self, other):
        return _type_or(self, other)

    def __ror__(self, other):
        return _type_or(other, self)


def _unionable(x):
    # typing's own objects are not: their __or__/__ror__ make a typing.Union.
    return x is None or isinstance(x, (type, GenericAlias, UnionType))


def _type_or(a, b):
    '''type.__or__ / __ror__: a types.UnionType, or NotImplemented.'''
    if not (_unionable(a) and _unionable(b)):
        return NotImplemented
    args = []
    for x in (a, b):
        parts = x.__args__ if isinstance(x, UnionType) else (x,)
        for p in parts:
            if p is None:
                p = NoneType
            if p not in args:
                args.append(p)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))


def resolve_bases(bases):
    '''Resolve MRO entries dynamically as specified by PEP 560.'''
    new_bases = []
    changed = False
    for base in bases:
        if isinstance(base, type):
            new_bases.append(base)
            continue
        meth = getattr(base, '__mro_entries__', None)
        if meth is None:
            new_bases.append(base)
            continue
        changed = True
        new_bases.extend(meth(bases))
    return tuple(new_bases) if changed else bases


def new_class(name, bases=(), kwds=None, exec_body=None):
    '''Create a class object dynamically using the appropriate metaclass.'''
    resolved = resolve_bases(bases)
    kwds = dict(kwds) if kwds else {}
    meta = kwds.pop('metaclass', type(resolved[0]) if resolved else type)
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, resolved, **kwds)
    else:
        ns = {}
    if exec_body is not None:
        exec_body(ns)
    if resolved is not bases:
        ns['__orig_bases__'] = bases
    return meta(name, resolved, ns, **kwds)


class DynamicClassAttribute(property):
    '''A property that on the class looks the name up in the metaclass.'''

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if getattr(self, '__isabstractmethod__', False):
                return self
            raise AttributeError()
        return property.__get__(self, instance, ownerclass)
