import statistics as s
from fractions import Fraction as F
times = [0.123, 0.119, 0.131, 0.127, 0.122, 0.140, 0.118]
print(s.mean(times), s.fmean(times), s.median(times), s.stdev(times), s.pstdev(times))
print(s.variance(times), s.pvariance(times), s.geometric_mean(times), s.harmonic_mean(times))
print(s.mean([1, 2, 3, 4]), s.mean([0.1, 0.2, 0.3]), s.mean([F(1, 3), F(2, 3)]), s.mean([1, 2.5]), s.median([3, 1, 2, 4]), s.median_low([1, 2, 3, 4]), s.median_high([1, 2, 3, 4]))
print(s.mode("abracadabra"), s.multimode("aabbc"), s.quantiles(range(1, 11)), s.quantiles(range(1, 11), n=10, method="inclusive"))
print(s.variance([1, 2, 3, 4, 5]), s.stdev([2, 4, 4, 4, 5, 5, 7, 9]), s.pvariance([F(1, 4), F(5, 4)]), s.median_grouped([1, 2, 2, 3, 4]))
print(s.covariance([1, 2, 3], [1, 2, 4]), s.correlation([1, 2, 3], [2, 4, 7]), s.linear_regression([1, 2, 3], [2, 4, 6.5]))
for bad in ["s.mean([])", "s.stdev([1])", "s.median([])", "s.geometric_mean([-1])", "s.mode([])"]:
    try: print(eval(bad))
    except s.StatisticsError as e: print("StatisticsError:", e)
