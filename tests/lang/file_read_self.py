# Reading this program's own source (cwd is the program's directory).
f = open("file_read_self.py")
lines = f.readlines()
f.close()
print(len(lines))
print(lines[0].rstrip())
words = sum(len(l.split()) for l in lines)
print(words > 10)
with open("file_read_self.py", "rb") as b:
    head = b.read(10)
print(head)
