# Float literals in every spelling.
print(1.5, .5, 5., 0.0, 00.5)
print(1e10, 1E10, 1e-5, 1.5e+3, 2.5E-3)
print(1_000.5, 1_0e1_0, 0.000_001)
print(3.14159, 1e0, 0e0, 1e308, 1e-308)
print(123456789.123456789)
print(type(1e3).__name__, type(1.).__name__)
print(1e22, 1e21, 1e16, 1e15, 123e-20)
print(.1 + .2)
