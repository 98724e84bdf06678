# textwrap.shorten and max_lines placeholders.
import textwrap

s = "Hello  world!   This is\ta   fairly long\nsentence with several words in it."
for width in (5, 6, 11, 12, 13, 20, 30, 60, 100):
    try:
        print(width, repr(textwrap.shorten(s, width)))
    except ValueError as e:
        print(width, "ValueError:", e)
print(textwrap.shorten(s, 25, placeholder="~"))
print(textwrap.shorten("Supercalifragilistic expialidocious", 15))
print(textwrap.shorten("  ", 10) == "", repr(textwrap.shorten("", 10)))
for lines in (1, 2, 3, 4):
    print(lines, textwrap.wrap(s, 16, max_lines=lines))
print(textwrap.wrap(s, 16, max_lines=2, placeholder=""))
print(textwrap.fill(s, 18, max_lines=3, initial_indent="> ", subsequent_indent=". "))
textwrap.shorten(s, 3)
