# Infinities and NaN.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(inf), repr(nan))
print(float("-inf"), float("Infinity"), float("-iNF"), float("NaN"), float("+nan"))
print(inf + 1, inf - inf, inf * 0, inf * -1, -inf < 0, inf > 10 ** 400)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf == inf)
print(1 / inf, -1 / inf, inf / inf)
print(max(1.0, inf), min(-inf, 0), sorted([3.0, inf, -inf, 0.0]))
import math
print(math.isinf(inf), math.isnan(nan), math.isfinite(1.0), math.isfinite(inf))
print(math.inf == inf, math.isnan(math.nan))
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError:", e)
print(1e308 * 10, -1e308 * 10)
print(str(inf), str(-inf), [inf, nan])
