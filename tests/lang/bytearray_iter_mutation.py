# Mutating a bytearray while iterating over it never crashes: the iterator
# reads the current contents at each step, as CPython's does.
b = bytearray(b'abc')
seen = []
for x in b:
    seen.append(x)
    if len(b) < 8:
        b.append(x + 1)
print(seen, b)
b = bytearray(b'abcdef')
seen = []
for x in b:
    seen.append(x)
    b.pop(0)
print(seen, b)
b = bytearray(b'abcdef')
it = iter(b)
print(next(it), it.__length_hint__())
b.clear()
print(list(it), it.__length_hint__())
b.extend(b'xyz')
print(list(it))
b = bytearray(b'0123456789')
it = iter(b)
next(it)
del b[2:]
print(list(it))
b = bytearray(b'abcd')
for i, x in enumerate(b):
    b[len(b) - 1 - i] = x
print(b)
b = bytearray(b'xy')
b[:] = b
b[1:] = b
b[:0] = b
print(b)
b += b[:2]
b.extend(b)
print(b, len(b))
b *= 2
print(b)
b = bytearray(b'abc')
r = reversed(b)
b.append(100)
print(list(r))
