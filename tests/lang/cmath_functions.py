import cmath, math
vals = [1+2j, -3.5+0.25j, 0.5j, -2, 3.0, 1e-3-4j, 0.9+0.3j, complex(-1, -0.0), 1e200+1e200j]
for f in ['sqrt', 'exp', 'log', 'log10', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh']:
    out = []
    for v in vals:
        try:
            out.append(repr(getattr(cmath, f)(v)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(f, out)
print(cmath.phase(-1), cmath.phase(complex(-1, -0.0)), cmath.polar(3+4j), cmath.rect(2, math.pi/2), cmath.rect(1, 0))
print(cmath.log(8, 2), cmath.log(1j, 1j), cmath.isclose(1+1j, 1+1.0000000001j), cmath.isnan(cmath.nanj), cmath.isinf(cmath.infj), cmath.isfinite(1j))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nanj)
for bad in ['cmath.log(0)', 'cmath.sqrt("x")', 'cmath.exp(1000)', 'cmath.atanh(1)']:
    try: print(eval(bad))
    except Exception as e: print(type(e).__name__, e)
# mandelbrot
def mandel(w, h, it):
    rows = []
    for y in range(h):
        row = ''
        for x in range(w):
            c = complex(-2 + 3 * x / w, -1 + 2 * y / h)
            z = 0j
            n = 0
            while abs(z) <= 2 and n < it:
                z = z * z + c
                n += 1
            row += '#' if n == it else '.'
        rows.append(row)
    return rows
print('\n'.join(mandel(40, 12, 50)))
