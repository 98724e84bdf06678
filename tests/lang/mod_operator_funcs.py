import operator
print(operator.add(1, 2), operator.sub(5, 3), operator.mul(3, 4), operator.truediv(1, 4), operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 5))
print(operator.neg(3), operator.pos(-3), operator.abs(-2), operator.not_(0), operator.truth(2), operator.inv(5), operator.invert(0))
print(operator.and_(6, 3), operator.or_(4, 1), operator.xor(5, 3), operator.lshift(1, 4), operator.rshift(16, 2))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq(1, 1.0), operator.ne(1, 2), operator.ge(1, 2), operator.gt(3, 2))
print(operator.is_(None, None), operator.is_not(1, None), operator.contains([1], 1), operator.index(5), operator.concat([1], [2]), operator.concat('a', 'b'))
l = [1, 2, 3]; operator.setitem(l, 0, 9); operator.delitem(l, 1); print(l, operator.getitem(l, 0), operator.countOf([1, 2, 1], 1), operator.indexOf('abc', 'c'))
a = [1]; b = operator.iadd(a, [2]); print(a, b is a, operator.iadd(1, 2), operator.imul('ab', 2), operator.isub(5, 1), operator.ior({1}, {2}))
print(operator.length_hint([1, 2]), operator.length_hint(iter([]), 3))
for bad in [lambda: operator.index(1.5), lambda: operator.concat(1, 2)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
