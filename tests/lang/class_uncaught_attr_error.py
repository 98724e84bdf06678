class Node:
    def __init__(self):
        self.value = 1

n = Node()
print(n.value)
print(n.vaule)
