# Ordering comparison between unrelated types.
print(sorted([3, 1, 2]))
print(sorted([3, "1", 2]))
