# textwrap.dedent and textwrap.indent on docstring-like and mixed input.
import textwrap

def doc():
    """
    Usage: tool [options]

        -h   help
        -v   verbose
    \t
    End.
    """

print(repr(textwrap.dedent(doc.__doc__)))
samples = ["    a\n    b\n", "  a\n    b\n      c", "\ta\n\t\tb\n", "\ta\n    b\n", "  x\n\n  y\n   \n",
           "no indent\n  some", "   \n   \n", "", "    only\r\n    crlf\r\n", " \t a\n \t b\n"]
for s in samples:
    print(repr(textwrap.dedent(s)))
print(textwrap.indent("one\ntwo\n\nthree\n", "> "))
print(repr(textwrap.indent("one\n  \ntwo", "+ ")))
print(repr(textwrap.indent("a\nb\nc\n", "#", lambda line: "b" not in line)))
print(repr(textwrap.indent("x\r\ny\rz", "- ")))
code = textwrap.dedent("""\
    def f(x):
        return x * 2
    """)
print(code, end="")
print(textwrap.indent(code, "    ", lambda line: True), end="")
