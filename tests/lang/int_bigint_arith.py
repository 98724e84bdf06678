# Arbitrary-precision integer arithmetic.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

print(fact(20), fact(21), fact(25))
print(fact(50))
print(2 ** 64, 2 ** 100, 2 ** 1000)
print(len(str(2 ** 1000)), sum(int(d) for d in str(2 ** 1000)))
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b, a - b, b - a, a * b)
print(b // a, b % a, -b // a, -b % a)
print(a * -1, -a * -b, (a - a), (a - a) == 0)
print(3 ** 200 - 3 ** 199 * 3)
print((2 ** 64 - 1) * (2 ** 64 + 1) == 2 ** 128 - 1)
x = 1
for i in range(1, 30):
    x = x * 1000003 + i
print(x)
print(x % 1000000007, x // 10 ** 100)
print(-(2 ** 70), abs(-(2 ** 70)), +(2 ** 70))
print(10 ** 30 // 7, 10 ** 30 % 7)
