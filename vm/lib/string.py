"""A collection of string constants, capwords and Template (CPython's string)."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split on sep, capitalize each word, join with sep (or ' ')."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


class Template:
    """A string class for supporting $-substitutions (without the re module)."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    @staticmethod
    def _ident_len(s, i):
        n = len(s)
        j = i
        if j < n and (s[j] == '_' or ('a' <= s[j].lower() <= 'z' and s[j].isascii())):
            j += 1
            while j < n and (s[j] == '_' or (s[j].isascii() and s[j].isalnum())):
                j += 1
        return j - i

    def _scan(self, mapping, safe):
        s = self.template
        d = self.delimiter
        out = []
        i = 0
        n = len(s)
        while i < n:
            k = s.find(d, i)
            if k < 0:
                out.append(s[i:])
                break
            out.append(s[i:k])
            j = k + len(d)
            if s.startswith(d, j):
                out.append(d)
                i = j + len(d)
                continue
            if j < n and s[j] == '{':
                m = self._ident_len(s, j + 1)
                if m and j + 1 + m < n and s[j + 1 + m] == '}':
                    name = s[j + 1:j + 1 + m]
                    end = j + 2 + m
                else:
                    if safe:
                        out.append(d)
                        i = j
                        continue
                    self._invalid(k)
            else:
                m = self._ident_len(s, j)
                if not m:
                    if safe:
                        out.append(d)
                        i = j
                        continue
                    self._invalid(k)
                name = s[j:j + m]
                end = j + m
            if safe:
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    out.append(s[k:end])
            else:
                out.append(str(mapping[name]))
            i = end
        return ''.join(out)

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = dict(mapping, **kws)
        return self._scan(mapping, False)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = dict(mapping, **kws)
        return self._scan(mapping, True)


class Formatter:
    """str.format's engine as an overridable class (format/vformat only)."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)
