# input() reads lines from stdin (stdin_input.stdin) until EOFError.
count = int(input())
total = 0
for _ in range(count):
    line = input()
    name, value = line.split()
    total += int(value)
    print(f"{name}: {value}")
print("total", total)
rest = []
while True:
    try:
        rest.append(input())
    except EOFError:
        print("EOF reached")
        break
print(rest)
