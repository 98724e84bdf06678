# bytearray's non-mutating methods (shared with bytes) return bytearrays,
# accept bytes-like arguments of either kind, and never alias self.
b = bytearray(b'  Hello, World  ')
for name in ['upper', 'lower', 'swapcase', 'capitalize', 'title', 'strip', 'lstrip', 'rstrip',
             'isdigit', 'isalpha', 'isalnum', 'isspace', 'isascii', 'isupper', 'islower',
             'split', 'rsplit', 'splitlines', 'hex', 'decode', 'expandtabs']:
    r = getattr(b, name)()
    print(name, type(r).__name__, r)
print(b.center(20, b'.'), b.ljust(18), b.rjust(18, bytearray(b'-')), b.zfill(20))
print(b.partition(b','), b.rpartition(bytearray(b'o')), b.partition(b'#'), b.rpartition(b'#'))
print(b.removeprefix(b'  H'), b.removesuffix(bytearray(b'd  ')), b.removeprefix(b'zz'))
print(b.find(bytearray(b'o')), b.find(111, 7), b.rfind(b'o', 0, 8), b.index(b'W'), b.rindex(108))
print(b.count(b'l'), b.count(108, 0, 6), b.count(b''), b.startswith(bytearray(b'  H')))
print(b.endswith(b'  ', 0, 5), b.startswith((b'x', b'  ')), b.split(b','), b.rsplit(None, 1))
print(b.replace(b'l', bytearray(b'L'), 2), b.replace(b'', b'|')[:8], b.split(maxsplit=1))
print(bytearray(b'a\tb\nc').expandtabs(4), bytearray(b'-12').zfill(6), bytearray(b'x').join([]))
print(bytearray(b'ab').hex(':'), bytearray(b'abcd').hex('-', 2), bytearray.fromhex('de ad BE EF'))
s = bytearray(b'same')
for m in [s.strip(), s.lstrip(), s.center(2), s.ljust(1), s.zfill(1), s.removeprefix(b''),
          s.replace(b'q', b'z'), s.partition(b'#')[0], s.copy(), s[:]]:
    print(m == s, m is s, type(m).__name__)
print(b'x'.join([bytearray(b'1'), b'2']), bytearray(b', ').join((b'a', bytearray(b'b'), b'c')))
print(b'abc'.find(bytearray(b'c')), b'abc'.startswith(bytearray(b'ab')), b'a b'.split(bytearray(b' ')))
print(b'hello'.replace(bytearray(b'l'), bytearray(b'L')), bytearray(b'b') in b'abc', b'abc'.strip(bytearray(b'ac')))
print(bytes(bytearray(b'\x00\xff')), bytearray(bytearray(b'copy')), list(bytearray(range(5))))
print(bytearray(b'%s=%d' % (b'k', 1)), bytearray(b'%s=%d') % (bytearray(b'k'), 1))
print(bytearray(b'abc') + bytearray(b'def'), bytearray(b'abc') != bytearray(b'abd'),
      bytearray(b'abc') >= b'abc', sorted([bytearray(b'b'), bytearray(b'a')]))
print(bytearray(b'it\'s'), bytearray(b'say "hi"'), bytearray(b'both \' and "'), bytearray(b'\\'))
class Sub(bytearray):
    pass
x = Sub(b'sub')
x.append(33)
print(repr(x), type(x.upper()).__name__, type(x + b'1').__name__, len(x), x == b'sub!')
print(Sub.fromhex('41'), type(Sub.fromhex('41')).__name__)
print(str(bytearray(b'h\xc3\xa9'), 'utf-8'), str(bytearray(b'x'), encoding='ascii'))
