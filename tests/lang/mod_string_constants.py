import string
print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits, repr(string.whitespace), string.punctuation)
print(repr(string.printable), len(string.printable))
print(string.capwords('hello   world  foo'), string.capwords('a-b c', '-'), string.capwords(''))
print(string.Template('$who likes ${what}, $$').substitute(who='tim', what='kung pao'), string.Template('$a $b').safe_substitute(a=1))
print(string.Template('$x').substitute({'x': 1}, x=2))
try:
    string.Template('$a').substitute()
except KeyError as e:
    print('KeyError', e)
