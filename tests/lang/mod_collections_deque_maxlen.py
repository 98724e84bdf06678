from collections import deque
m = deque(range(5), maxlen=3); print(m, m.maxlen, deque().maxlen)
m.append(9); print(m); m.appendleft(-1); print(m); m.extend([10, 11]); print(m); m.extendleft('ab'); print(m)
z = deque([1, 2], maxlen=0); z.append(3); print(z, len(z))
print(deque('abcdef', 2) + deque('xyz'), deque([1], maxlen=1) * 3)
last3 = deque(maxlen=3)
for line in ['a', 'b', 'c', 'd', 'e']:
    last3.append(line)
print(list(last3), repr(deque(maxlen=5)))
