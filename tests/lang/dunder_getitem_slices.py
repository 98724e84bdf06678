class Echo:
    def __getitem__(self, key):
        return key
e = Echo()
print(e[1], e[1:2], e[::3], e[1, 2], e[..., 1], e[:, None])
s = e[1:10:2]
print(s.start, s.stop, s.step, s.indices(5))
