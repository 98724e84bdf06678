# time.struct_time from gmtime, strftime, and sleep's argument errors.
import time
t = time.gmtime(0)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_wday, t.tm_yday, t[0], len(t), tuple(t)[:3])
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(1234567890)))
print(time.strftime("%a %b %d", (2024, 2, 29, 12, 0, 0, 3, 60, 0)))
print(time.asctime(time.gmtime(10 ** 9)))
print(isinstance(time.localtime(), time.struct_time), time.gmtime(86400).tm_mday)
for bad in [-1, float("nan"), "1"]:
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
