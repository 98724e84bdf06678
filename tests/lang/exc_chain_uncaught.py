# Exceptions: user exception classes, chaining with 'from', uncaught traceback's last line.
class Node:
    def __init__(self, v):
        self.v = v
    def check(self):
        if self.v < 0:
            raise ValueError(f"negative: {self.v}")
        return self.v
def process(nodes):
    total = 0
    for n in nodes:
        total += n.check()
    return total
try:
    process([Node(1), Node(-2)])
except ValueError as e:
    raise RuntimeError("processing failed") from e
