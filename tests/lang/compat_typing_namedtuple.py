# typing.NamedTuple / TypedDict / NewType / overload / cast, as annotated code uses them.
from typing import NamedTuple, TypedDict, NewType, overload, cast, Optional, List, TYPE_CHECKING

if TYPE_CHECKING:
    import not_a_real_module

class Employee(NamedTuple):
    name: str
    dept: str = 'eng'
    salary: float = 100.0

    def raise_by(self, pct: float) -> 'Employee':
        return self._replace(salary=self.salary * (1 + pct / 100))

    @property
    def label(self) -> str:
        return '%s/%s' % (self.name, self.dept)

e = Employee('ann')
print(e, e.label, e.raise_by(10), e._asdict(), Employee._fields, Employee._field_defaults)
print(e == ('ann', 'eng', 100.0), e[0], len(e), isinstance(e, tuple), Employee.__annotations__)
name, dept, sal = Employee('bob', 'ops', 5)
print(name, dept, sal, Employee._make(['c', 'd', 1.0]))
Point = NamedTuple('Point', [('x', int), ('y', int)])
print(Point(1, 2), Point._fields, Point(x=3, y=4).x)
try:
    class Bad(NamedTuple):
        x: int = 0
        y: int
except TypeError as e:
    print('TypeError', e)
try:
    class Bad2(NamedTuple):
        x: int
        def _asdict(self): return {}
except AttributeError as e:
    print('AttributeError', e)
try:
    Employee()
except TypeError as e:
    print('TypeError', e)

class Movie(TypedDict):
    title: str
    year: int

class Rated(Movie, total=False):
    stars: int

m = Movie(title='Heat', year=1995)
r: Rated = {'title': 'Up', 'year': 2009}
print(m, type(m), r, sorted(Rated.__required_keys__), sorted(Rated.__optional_keys__), Rated.__total__)
print(Movie.__annotations__, Rated.__annotations__)
try:
    isinstance(m, Movie)
except TypeError as e:
    print('TypeError', e)

UserId = NewType('UserId', int)
uid = UserId(42)
print(uid, type(uid), UserId.__supertype__, UserId.__name__)
try:
    class Sub(UserId):
        pass
except TypeError as e:
    print('TypeError', e)

@overload
def parse(x: int) -> int: ...
@overload
def parse(x: str) -> List[str]: ...
def parse(x):
    return x * 2 if isinstance(x, int) else x.split()
print(parse(4), parse('a b'))

def first(xs: List[Optional[int]]) -> int:
    return cast(int, xs[0])
print(first([7, None]), cast('List[int]', 'unchanged'))
