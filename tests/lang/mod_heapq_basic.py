import heapq
h = []
for x in [5, 1, 8, 3, 2, 9, 1]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(3)], h)
l = [9, 4, 7, 1, 0, 3]; heapq.heapify(l); print(l, heapq.heapreplace(l, 5), heapq.heappushpop(l, 2), l, heapq.heappushpop([], 1))
tasks = []
for pri, name in [(2, 'write'), (1, 'read'), (3, 'sleep'), (1, 'eat')]:
    heapq.heappush(tasks, (pri, name))
print([heapq.heappop(tasks) for _ in range(4)])
big = list(range(100, 0, -3)); heapq.heapify(big); print(big[:10], [heapq.heappop(big) for _ in range(5)])
try:
    heapq.heappop([])
except IndexError as e:
    print('IndexError', e)
