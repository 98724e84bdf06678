import heapq
print(heapq.nlargest(3, [1, 5, 2, 8, 3]), heapq.nsmallest(2, [4, 1, 3]), heapq.nlargest(2, ['a', 'bbb', 'cc'], key=len))
print(heapq.nsmallest(3, [(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd')], key=lambda t: t[0]), heapq.nlargest(1, []), heapq.nsmallest(10, [3, 1]))
print(heapq.nlargest(3, iter([5, 5, 1, 5, 2]), key=lambda x: x), heapq.nsmallest(2, iter('hello')), heapq.nlargest(1, [2, 7, 1]))
print(list(heapq.merge([1, 4, 7], [2, 5], [3])), list(heapq.merge([7, 4, 1], [5, 2], reverse=True)), list(heapq.merge(['a', 'ccc'], ['bb'], key=len)))
print(list(heapq.merge()), list(heapq.merge([], [1])), list(heapq.merge([1, 1], [1])))
