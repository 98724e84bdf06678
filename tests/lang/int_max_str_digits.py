# CPython 3.11 limits int<->str conversion to 4300 decimal digits by default.
import sys
ok = 10 ** 4299
print(len(str(ok)))
try:
    str(10 ** 4300)
except ValueError as e:
    print("ValueError:", e)
try:
    int("1" * 4301)
except ValueError as e:
    print("ValueError:", e)
print(len(hex(10 ** 5000)))
print(sys.get_int_max_str_digits())
