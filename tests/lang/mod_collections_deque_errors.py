from collections import deque
for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5], lambda: deque([1])[-2],
            lambda: deque([1]).remove(5), lambda: deque([1]).index(5), lambda: deque([1], maxlen=1).insert(0, 2),
            lambda: deque(maxlen=-1), lambda: deque([1])['a'], lambda: hash(deque()), lambda: deque(maxlen='a'),
            lambda: deque(1), lambda: deque([1]) + [2]]:
    try:
        bad()
    except Exception as ex:
        print(type(ex).__name__, ex)
d = deque([1, 2, 3])
try:
    for x in d:
        d.append(x)
except RuntimeError as ex:
    print('RuntimeError', ex)
d = deque([1, 2, 3])
try:
    for x in reversed(d):
        d.popleft()
except RuntimeError as ex:
    print('RuntimeError', ex)
