# Sorting is stable, also with reverse=True.
data = [("a", 3), ("b", 1), ("c", 3), ("d", 2), ("e", 1), ("f", 3), ("g", 2)]
print(sorted(data, key=lambda x: x[1]))
print(sorted(data, key=lambda x: x[1], reverse=True))
s = sorted(data, key=lambda x: x[0], reverse=True)
s.sort(key=lambda x: x[1])
print(s)
records = [(i % 4, i) for i in range(20)]
out = sorted(records, key=lambda r: r[0])
print(out)
print(all(out[i][1] < out[i + 1][1] for i in range(len(out) - 1) if out[i][0] == out[i + 1][0]))
same = [[1], [1], [1]]
ids = [x for x in sorted(same, key=len)]
print(ids[0] is same[0], ids[2] is same[2])
