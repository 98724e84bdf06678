"""JSON encoding: JSONEncoder and the string escapers.

Plain data (dicts, lists, tuples, str, int, float, bool, None) without
indent or sort_keys is encoded by _json.encode_basic in C++ (speed: dumps
is hot in real programs); everything else, and every error, comes from the
Python encoder below.

The encoder appends pieces to one list and joins once (CPython's C encoder
does the same into a buffer).  Output matches CPython byte for byte:
separators, indentation (an int counts spaces, a str is used as is, 0 means
newlines without indentation), float repr, keys converted to str, tuples
as lists, NaN/Infinity spelled as JavaScript does.

String escaping has a fast path: a string with nothing to escape (checked
with isascii/isprintable and two `in` tests, all C-level loops) is quoted
as is; only the rest go through the per-character escaper.
"""

__all__ = ["JSONEncoder"]

try:
    from _json import encode_basic as c_encode_basic
except ImportError:
    c_encode_basic = None

INFINITY = float("inf")

_SHORT = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t",
          "\b": "\\b", "\f": "\\f"}


def _escape_char(c, ascii_only):
    e = _SHORT.get(c)
    if e is not None:
        return e
    n = ord(c)
    if n < 0x20 or (ascii_only and n > 0x7E):
        if n > 0xFFFF:
            n -= 0x10000
            return "\\u%04x\\u%04x" % (0xD800 | (n >> 10), 0xDC00 | (n & 0x3FF))
        return "\\u%04x" % n
    return c


def py_encode_basestring(s):
    """Return a JSON representation of a Python string (non-ASCII kept)."""
    if s.isprintable() and '"' not in s and "\\" not in s:
        return '"' + s + '"'
    return '"' + "".join([_escape_char(c, False) for c in s]) + '"'


def py_encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string."""
    if s.isascii() and s.isprintable() and '"' not in s and "\\" not in s:
        return '"' + s + '"'
    return '"' + "".join([_escape_char(c, True) for c in s]) + '"'


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data
    structures (see json.dumps for the meaning of the arguments)."""

    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError("Object of type %s is not JSON serializable"
                        % o.__class__.__name__)

    def encode(self, o):
        """Return a JSON string representation of a Python data structure."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        if c_encode_basic is not None and self.indent is None and not self.sort_keys:
            # The C++ encoder (vm/modules/json.cc) does plain data; None
            # means it met something only the code below handles.
            text = c_encode_basic(o, self.ensure_ascii, self.allow_nan,
                                  self.item_separator, self.key_separator)
            if text is not None:
                return text
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return "".join(chunks)

    def iterencode(self, o, _one_shot=False):
        """Encode the given object and return its pieces (a list: conch
        builds the whole output eagerly)."""
        out = []
        _Encoding(self, out).value(o, 0)
        return out


class _Encoding:
    """One encode() call: the options, the output list and the set of ids
    of the containers being encoded (circular reference check)."""

    def __init__(self, enc, out):
        self.out = out
        self.default = enc.default
        self.skipkeys = enc.skipkeys
        self.sort_keys = enc.sort_keys
        self.allow_nan = enc.allow_nan
        self.markers = {} if enc.check_circular else None
        self.quote = (encode_basestring_ascii if enc.ensure_ascii
                      else encode_basestring)
        self.item_sep = enc.item_separator
        self.key_sep = enc.key_separator
        indent = enc.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        self.indent = indent

    def floatstr(self, o):
        if o != o:
            text = "NaN"
        elif o == INFINITY:
            text = "Infinity"
        elif o == -INFINITY:
            text = "-Infinity"
        else:
            return float.__repr__(o)
        if not self.allow_nan:
            raise ValueError("Out of range float values are not JSON compliant")
        return text

    def scalar(self, o):
        """The text of a str/None/bool/int/float, or None for others."""
        if isinstance(o, str):
            return self.quote(o)
        if o is None:
            return "null"
        if o is True:
            return "true"
        if o is False:
            return "false"
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return self.floatstr(o)
        return None

    def enter(self, o):
        if self.markers is not None:
            key = id(o)
            if key in self.markers:
                raise ValueError("Circular reference detected")
            self.markers[key] = o

    def leave(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def value(self, o, level):
        text = self.scalar(o)
        if text is not None:
            self.out.append(text)
        elif isinstance(o, (list, tuple)):
            self.array(o, level)
        elif isinstance(o, dict):
            self.object(o, level)
        else:
            self.enter(o)
            self.value(self.default(o), level)
            self.leave(o)

    def newline(self, level):
        return "\n" + self.indent * level

    def array(self, lst, level):
        out = self.out
        if not lst:
            out.append("[]")
            return
        self.enter(lst)
        if self.indent is None:
            sep = self.item_sep
            out.append("[")
        else:
            level += 1
            nl = self.newline(level)
            sep = self.item_sep + nl
            out.append("[" + nl)
        first = True
        for item in lst:
            if first:
                first = False
            else:
                out.append(sep)
            text = self.scalar(item)
            if text is not None:
                out.append(text)
            else:
                self.value(item, level)
        if self.indent is not None:
            out.append(self.newline(level - 1))
        out.append("]")
        self.leave(lst)

    def key_text(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self.floatstr(key)
        if key is True:
            return "true"
        if key is False:
            return "false"
        if key is None:
            return "null"
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError("keys must be str, int, float, bool or None, not %s"
                        % key.__class__.__name__)

    def object(self, dct, level):
        out = self.out
        if not dct:
            out.append("{}")
            return
        self.enter(dct)
        if self.indent is None:
            sep = self.item_sep
            out.append("{")
        else:
            level += 1
            nl = self.newline(level)
            sep = self.item_sep + nl
            out.append("{" + nl)
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        quote = self.quote
        key_sep = self.key_sep
        for key, item in items:
            key = self.key_text(key)
            if key is None:
                continue
            if first:
                first = False
            else:
                out.append(sep)
            out.append(quote(key))
            out.append(key_sep)
            text = self.scalar(item)
            if text is not None:
                out.append(text)
            else:
                self.value(item, level)
        if self.indent is not None:
            out.append(self.newline(level - 1))
        out.append("}")
        self.leave(dct)
