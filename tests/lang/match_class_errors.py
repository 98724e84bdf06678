class P:
    __match_args__ = ('x', 'y')
    def __init__(s, x, y): s.x, s.y = x, y
for t in [P(1,2), 5, "s", [1,2,3], {'a': 1, 'b': 2}]:
    try:
        match t:
            case P(1, 2, 3): print('x')
    except TypeError as e: print(e)
try:
    match 1:
        case len(): pass
except TypeError as e: print(e)
class Q: __match_args__ = ['a']
try:
    match Q():
        case Q(1): pass
except TypeError as e: print(e)
try:
    match P(1,2):
        case P(1, x=2): pass
except TypeError as e: print(e)
try:
    match {'a': 1}:
        case {'a': 1, **r}: print(r)
except Exception as e: print(type(e).__name__, e)
