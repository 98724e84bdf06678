from fractions import Fraction as F
import math
a = F(3, 4); b = F("1.25"); c = F(-6, -8); d = F(0.1); e = F(" -7/21 ")
print(a, b, c, d, e, repr(a), F(5), F("1e-2"), F("3_000/4"))
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), -a, abs(e), a ** 2, a ** -2, 2 ** F(1, 2), F(4) ** F(1, 2))
print(a + 1, 1 + a, a + 0.5, 0.5 + a, a * 1j, a == 0.75, a == F(6, 8), a < 1, a > 0.7, a <= b, sorted([b, a, e]))
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(1, 3)), {F(1, 2): 'x'}[0.5])
print(F(math.pi).limit_denominator(1000), F(3.14159).limit_denominator(100), round(F(7, 2)), round(F(5, 2)), round(F(22, 7), 2), math.floor(F(-7, 2)), math.ceil(F(-7, 2)), int(F(-7, 2)), float(F(1, 3)))
print(F(1, 3).as_integer_ratio(), F.from_float(0.25), sum([F(1, n) for n in range(1, 6)]))
for bad in ['F(1, 0)', 'F("abc")', 'F([])', 'a / 0']:
    try: print(eval(bad))
    except (ZeroDivisionError, ValueError, TypeError) as ex: print(type(ex).__name__, ex)
