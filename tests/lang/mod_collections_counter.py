from collections import Counter
c = Counter('abracadabra'); print(c, c['a'], c['z'], c.most_common(2), c.most_common(), sorted(c.elements()))
c.update('aaz'); c.subtract(['b']); print(c)
c.update({'q': 3}); c.subtract(q=5); print(c, c.total())
print(Counter(), Counter({'x': 2}), Counter(a=1) == Counter(a=1, b=0), Counter(cats=4, dogs=8))
words = 'the quick brown fox jumps over the lazy dog the end'.split()
print(Counter(words).most_common(3))
del c['a']; del c['nothing']; print(c)
print(Counter('aab') <= Counter('aabc'), Counter('abc') < Counter('ab'))
