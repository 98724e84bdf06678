# f-strings with nested and complex expressions.
data = {"a": [1, 2, 3], "b": {"c": 4}}
print(f"{data['a'][1]} {data['b']['c']}")
print(f"{sum(x * x for x in range(5))}")
print(f"{'yes' if data else 'no'}")
print(f"{[f'{i:02}' for i in range(3)]}")
print(f"{f'{1 + 1}'}")
print(f"{'{'}{'}'}")
print(f"{3 * 'ab'}")
print(f"{max(data['a']) - min(data['a'])}")
w = 6
print(f"{'|'.join(f'{c:^{w}}' for c in 'xyz')}")
print(f"{ 1 + 2 }")
print(f"result: {(1, 2)}")
