# Character class predicates.
samples = ["abc", "ABC", "Abc", "123", "12.3", "abc123", "", " ", " \t\n", "Hello World", "hello world",
           "\u00e9", "\u0663", "\u00bd", "_name1", "1name", "class", "\u00c9T\u00c9"]
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(),
          s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isascii(), s.isprintable())
