z = 3+4j
print(z, abs(z), z.real, z.imag, (1+2j)*(3-1j), z.conjugate(), -z, +z)
print(1j, -1j, 0j, -0j, complex(), complex(1), complex(1, 2), complex(-0.0, -0.0), complex(0.0, -0.0))
print(complex("1+2j"), complex(" (3-4.5J) "), complex("j"), complex("-j"), complex("2"), complex("1e3+1e-3j"), complex("inf-nanj"))
print(repr(complex(1.5, float('nan'))), complex(float('inf'), 1), 1e300j * 1e300j if False else '')
print((1+2j) / (3-4j), 1 / 1j, 2 ** 0.5j, (1j) ** 2, (2+0j) ** 10, (1+1j) ** -2, 0j ** 0)
print((-8) ** (1/3), (-1) ** 0.5, 2.0 ** 1j)
print(1j == 1j, 1+0j == 1, 1+0j == 1.0, 2j != 2, hash(1+0j) == hash(1), hash(2.5+0j) == hash(2.5), hash(3+4j))
print({1j: 'a', 1: 'b', 1+0j: 'c'})
print(sum([1j, 2, 3.5]), isinstance(1j, complex), type(1j).__name__, bool(0j), bool(1e-300j))
print(format(1+2j), format(1+2j, '.2f'), format(3.14159+2.5j, '>20.3e'), f"{1.5+2j:g}", f"{2j:.1f}")
print(complex(1j, 1j), complex(1+1j, 2), complex(2, 1+1j))
class C:
    def __complex__(self): return 5j
print(complex(C()))
for bad in ['complex("1+")', 'complex("x")', 'complex("1", 2)', 'complex(1, "2")', 'complex([])', '1j // 2', '1j % 2', '1j < 2j', '1 / 0j', '0j ** -1', 'int(1j)', 'float(1j)', 'round(1j)', 'pow(1j, 2, 3)', '10.0 ** 1000j']:
    try:
        print(eval(bad))
    except Exception as e:
        print(type(e).__name__, e)
print(divmod.__name__, complex.__doc__.splitlines()[0])
import math
try: math.sqrt(1j)
except TypeError as e: print(e)
print([x for x in (1j, 2, 3.0)], sorted([3, 1, 2]), 1j.imag, (2j).__getnewargs__())
print(abs(complex(3e200, 4e200)), repr(1e16j), repr(1.0j), repr(123456789012.5j))
