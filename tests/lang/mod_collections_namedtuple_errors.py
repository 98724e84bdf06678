from collections import namedtuple
Point = namedtuple('Point', 'x y')
for bad in [lambda: namedtuple('X', 'a a'), lambda: namedtuple('X', '_a'), lambda: namedtuple('1X', 'a'),
            lambda: namedtuple('X', 'class'), lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, 2)._replace(z=1),
            lambda: Point._make([1]), lambda: namedtuple('X', 'a b', defaults=[1, 2, 3])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
p = Point(1, 2)
try:
    p.x = 5
except AttributeError:
    print('AttributeError')
