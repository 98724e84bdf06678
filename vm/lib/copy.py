"""Generic (shallow and deep) copying operations, as CPython's copy module.

CPython reduces instances through copyreg and object.__reduce_ex__(4); here
the same five-part reduction (callable, args, state, listitems, dictitems)
is built directly when a class does not define its own __reduce_ex__ or
__reduce__, and _reconstruct rebuilds it exactly as CPython's does.
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _function_type():
    def f():
        pass
    return type(f)


_FunctionType = _function_type()
_BuiltinFunctionType = type(len)
_atomic_types = {type(None), int, float, bool, str, bytes, type,
                 range, _FunctionType, _BuiltinFunctionType, type(Ellipsis),
                 type(NotImplemented), property}
try:
    _atomic_types.add(complex)
except NameError:  # a runtime without complex numbers
    pass
try:
    _atomic_types.add(type(_function_type.__code__))
except AttributeError:
    pass

_object_reduce_ex = getattr(object, '__reduce_ex__', None)
_object_reduce = getattr(object, '__reduce__', None)
_object_getstate = getattr(object, '__getstate__', None)


def _own_method(cls, name, default):
    m = getattr(cls, name, None)
    return m is not None and m is not default


def _slot_names(cls):
    names = []
    for c in cls.__mro__:
        slots = c.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                stripped = c.__name__.lstrip('_')
                if stripped:
                    name = '_%s%s' % (stripped, name)
            names.append(name)
    return names


def _default_state(x, cls):
    if _own_method(cls, '__getstate__', _object_getstate):
        return x.__getstate__()
    state = getattr(x, '__dict__', None)
    if state is not None and not state:
        state = None
    if state is not None and not isinstance(state, dict):
        state = None
    slots = {}
    for name in _slot_names(cls):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    if slots:
        return (state, slots)
    return state


_immutable_bases = (int, float, str, bytes, tuple, frozenset)


def _reduce(x, cls):
    if _own_method(cls, '__reduce_ex__', _object_reduce_ex):
        return x.__reduce_ex__(4)
    if _own_method(cls, '__reduce__', _object_reduce):
        return x.__reduce__()
    args = ()
    for base in _immutable_bases:
        if isinstance(x, base):
            getnewargs = getattr(x, '__getnewargs__', None)
            if base is frozenset:
                args = (list(x),)  # as frozenset.__reduce__: a new set, never x itself
            else:
                args = getnewargs() if getnewargs is not None else (base(x),)
            break
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    if isinstance(x, (set, frozenset)) and not isinstance(x, frozenset):
        args = ()
        state = _default_state(x, cls)
        return (_newobj_set, (cls, list(x)), state, None, None)
    return (_newobj, (cls,) + tuple(args), _default_state(x, cls), listitems, dictitems)


def _newobj_set(cls, items):
    y = cls.__new__(cls)
    y.update(items)
    return y


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)
    if cls in _atomic_types or issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def _copy_immutable(x):
    return x


_copy_dispatch = d = {}
for t in _atomic_types:
    d[t] = _copy_immutable
d[tuple] = _copy_immutable
d[frozenset] = _copy_immutable
d[list] = list.copy
d[dict] = dict.copy
d[set] = set.copy
try:
    d[bytearray] = bytearray.copy
except NameError:
    pass
del d, t


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    else:
        if issubclass(cls, type):
            y = x
        else:
            copier = getattr(x, "__deepcopy__", None)
            if copier is not None:
                y = copier(memo)
            else:
                rv = _reduce(x, cls)
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


_deepcopy_dispatch = d = {}


def _deepcopy_atomic(x, memo):
    return x


for t in _atomic_types:
    d[t] = _deepcopy_atomic


def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


d[list] = _deepcopy_list


def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            y = tuple(y)
            break
    else:
        y = x
    return y


d[tuple] = _deepcopy_tuple


def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


d[dict] = _deepcopy_dict


def _deepcopy_set(x, memo, deepcopy=deepcopy):
    y = set()
    memo[id(x)] = y
    for a in x:
        y.add(deepcopy(a, memo))
    return y


d[set] = _deepcopy_set


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


class _C:
    def f(self):
        pass


d[type(_C().f)] = _deepcopy_method
del d, t, _C


def _keep_alive(x, memo):
    """Keeps x alive as long as memo (its id is a key there)."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y


del _function_type
