class Task:
    def __init__(self, pri, name):
        self.pri, self.name = pri, name
    def __lt__(self, other):
        return self.pri < other.pri
    def __repr__(self):
        return "%s:%d" % (self.name, self.pri)
tasks = [Task(2, "b"), Task(1, "a"), Task(2, "c"), Task(0, "z"), Task(1, "d")]
print(sorted(tasks))
tasks.sort(reverse=True)
print(tasks)
import heapq
h = []
for t in [Task(3, "x"), Task(1, "y"), Task(2, "w")]:
    heapq.heappush(h, t)
print([heapq.heappop(h) for _ in range(3)])
