# re: an uncaught re.error ends the program with CPython's last traceback line.
import re

print(re.findall(r"\d+", "1 2 3"))
pattern = "(?P<word>\\w+) (?P=word"
re.compile(pattern)
print("not reached")
