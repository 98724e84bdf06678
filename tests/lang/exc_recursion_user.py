class Node:
    def __init__(self):
        self.next = self
    def depth(self):
        return 1 + self.next.depth()
try:
    Node().depth()
except RecursionError as e:
    print("RecursionError", "maximum recursion depth exceeded" in str(e))
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError:
    print("repr recursion")
