# A realistic use of textwrap: a column report with wrapped descriptions,
# built by a TextWrapper subclass that numbers its lines.
import textwrap

items = [
    ("json", "Encodes and decodes JSON documents exactly as CPython does, including error messages with line and column numbers."),
    ("struct", "Packs and unpacks binary records; handles byte order, sizes, alignment and IEEE floats of 16, 32 and 64 bits."),
    ("textwrap", "Wraps paragraphs."),
    ("weak-ref", "Tracks objects without keeping them alive: callbacks fire when the referent dies, and weak dictionaries forget entries."),
]


class NumberedWrapper(textwrap.TextWrapper):
    def wrap(self, text):
        lines = super().wrap(text)
        return ["%2d| %s" % (i + 1, line) for i, line in enumerate(lines)]


wrapper = textwrap.TextWrapper(width=40, subsequent_indent=" " * 12)
for name, desc in items:
    print(wrapper.fill("%-10s: %s" % (name, desc)))
print("-" * 40)
nw = NumberedWrapper(width=30)
for name, desc in items:
    print(name)
    print("\n".join(nw.wrap(desc)))
total = sum(len(textwrap.wrap(d, 30)) for _, d in items)
print("lines:", total)
print(textwrap.indent(textwrap.fill(items[0][1], 50), "    | "))
