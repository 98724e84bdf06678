# repr() chooses quotes and escapes like CPython.
for s in ["plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\there", "nl\n", "\r\x00\x1f",
          "\x7f", "\x80\x9f", "\xa0", "caf\u00e9", "\u4e2d", "\U0001F600", "\u200b",
          "\u2028", "'", '"', "", "\\'"]:
    print(repr(s))
print(str("it's"), [ "a'b", 'c"d' ], ("\n",))
print(ascii("caf\u00e9 \U0001F600"), ascii("plain"))
