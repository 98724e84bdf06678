# Nested comprehensions and multiple for clauses.
print([(x, y) for x in range(3) for y in range(x)])
print([x * y for x in range(1, 4) for y in range(1, 4) if x != y])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([v for row in matrix for v in row])
print([[row[i] for row in matrix] for i in range(3)])
print([[v * 10 for v in row if v % 2] for row in matrix])
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
print([c for word in ["ab", "cd"] for c in word for _ in range(2)])
print(sum(x * y for x in range(10) for y in range(10) if (x + y) % 3 == 0))
print([(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c])
