# textwrap.wrap / fill: widths, indents, hyphen breaking, long words, tabs.
import textwrap

text = ("The quick brown fox jumps over the lazy dog. A state-of-the-art "
        "wrapping algorithm handles e-mail addresses, well-known compound-words "
        "and supercalifragilisticexpialidocious tokens --- even em--dashes.  Done!")
for width in (10, 20, 33, 50, 200):
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="    "))
print(textwrap.fill(text, 25, break_on_hyphens=False))
print(textwrap.fill(text, 12, break_long_words=False))
print(textwrap.wrap("a\tb\tc\nd  e", 6), textwrap.wrap("a\tb", 20, expand_tabs=False))
print(textwrap.wrap("x\ty  z", 20, tabsize=4, replace_whitespace=False))
print(textwrap.wrap("   leading and trailing   ", 10))
print(textwrap.wrap("   leading and trailing   ", 10, drop_whitespace=False))
print(textwrap.wrap("Mr. Smith went. Then he ran! Why? 'Quoted.' end", 80, fix_sentence_endings=True))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.fill("one", 1))
print(textwrap.wrap("aaaa-bbbb-cccc-dddd", 7), textwrap.wrap("----------", 4))
w = textwrap.TextWrapper(width=15, max_lines=2, placeholder=" ...")
print(w.wrap(text))
w.width = 40
print(w.fill(text))
print(textwrap.wrap(text, 20, max_lines=3))
try:
    textwrap.wrap("abc", 0)
except ValueError as e:
    print("ValueError:", e)
try:
    textwrap.wrap("abc def", 4, max_lines=1, placeholder="  [long]")
except ValueError as e:
    print("ValueError:", e)
