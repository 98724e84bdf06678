# *args collects extra positional arguments as a tuple.
def total(*nums):
    return sum(nums), type(nums).__name__, len(nums)
print(total(), total(1), total(1, 2, 3))
def head_tail(first, *rest):
    return first, rest
print(head_tail(1), head_tail(1, 2, 3), head_tail(*"abc"))
def both(a, *args, b=0, **kwargs):
    return a, args, b, kwargs
print(both(1, 2, 3, b=4, c=5))
print(both(*range(4), **{"b": 9}))
def maximum(*values):
    best = values[0]
    for v in values[1:]:
        if v > best:
            best = v
    return best
print(maximum(3, 9, 2), maximum(*[5, 1]), maximum("x", "yz"))
nums = [1, 2, 3]
print(total(*nums, *nums), total(0, *nums, 100))
