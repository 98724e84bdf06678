# args: {tmpdir}
# Text files with non-ASCII content and an explicit utf-8 encoding.
import sys
path = sys.argv[1] + "/utf8.txt"
text = "h\u00e9llo\n\u4e16\u754c\n\U0001F600 smile\n"
f = open(path, "w", encoding="utf-8")
n = f.write(text)
f.close()
print(n, len(text), len(text.encode("utf-8")))
f = open(path, encoding="utf-8")
back = f.read()
f.close()
print(back == text, [len(l) for l in back.splitlines()])
f = open(path, "rb")
print(len(f.read()))
f.close()
f = open(path, encoding="utf-8")
for i, line in enumerate(f):
    print(i, repr(line))
f.close()
