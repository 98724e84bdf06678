from collections import deque
class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y): self.x, self.y = x, y
def describe(v):
    match v:
        case None: return "none"
        case True: return "true"
        case 0 | 1 as n: return f"small {n}"
        case -5: return "minus five"
        case int(n) if n > 100: return f"big int {n}"
        case int(): return "int"
        case str() as s if s.startswith('x'): return "x-string " + s
        case "hello" | "hi": return "greeting"
        case [] : return "empty seq"
        case [x]: return f"one {x}"
        case [x, y, *rest]: return f"seq {x} {y} rest={rest}"
        case {"type": "circle", "r": r}: return f"circle {r}"
        case {"type": t, **others}: return f"typed {t} {others}"
        case Point(x=0, y=0): return "origin"
        case Point(0, y): return f"on y axis {y}"
        case Point(x, y) if x == y: return f"diag {x}"
        case Point(): return "point"
        case (a, b) : return "never"
        case _: return "other " + type(v).__name__
for v in [None, True, 0, 1, -5, 500, 7, "xyz", "hi", "abc", [], [9], (1, 2, 3, 4), deque([1,2]),
          {"type": "circle", "r": 2}, {"type": "sq", "w": 1, "h": 2}, {}, Point(0, 0), Point(0, 3),
          Point(2, 2), Point(1, 2), 3.5, b"ab", range(2)]:
    print(describe(v))
match 1, 2:
    case a, b: print(a + b)
match = 5
print(match)
case = [1]
print(case[0])
def f(cmd):
    match cmd.split():
        case ["go", ("north" | "south") as d]:
            return "go " + d
        case ["drop", *objs]:
            return "drop " + ",".join(objs)
        case [("look" | "l")]:
            return "look"
        case _:
            return "?"
for c in ["go north", "go east", "drop a b", "look", "l", ""]:
    print(f(c))
