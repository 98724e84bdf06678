# Sorting with key and reverse.
words = ["banana", "Apple", "cherry", "apple", "fig", "Date"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)))
nums = [5, -3, 2, -8, 0, 7, -1]
print(sorted(nums, key=abs), sorted(nums, key=abs, reverse=True), sorted(nums, reverse=True))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "a")]
pairs.sort()
print(pairs)
pairs.sort(key=lambda p: p[1])
print(pairs)
print(sorted("hello"), sorted((3, 1, 2)), sorted({3: "c", 1: "a"}), sorted([]))
recs = [{"n": "x", "v": 3}, {"n": "y", "v": 1}, {"n": "z", "v": 2}]
print([r["n"] for r in sorted(recs, key=lambda r: r["v"])])
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
big = [(i * 7919) % 1009 for i in range(500)]
big.sort()
print(big[:10], big[-5:], all(big[i] <= big[i + 1] for i in range(len(big) - 1)))
