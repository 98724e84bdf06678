"""JSON decoding: JSONDecodeError, JSONDecoder and the scanner behind them.

A recursive-descent scanner over the document string, written for conch (no
`re` module): each _scan_* function takes the document and an index and
returns (value, index after it).  Error messages and positions match
CPython's C scanner exactly, because programs print them: the position is
the character where something was expected, after any whitespace.

Speed: JSONDecoder.decode hands documents parsed with the default hooks to
_json.decode_basic (C++) first.  Here, strings are the bulk of most documents, so _scan_string jumps from
quote to quote with str.find and copies whole runs, touching characters one
at a time only around backslashes.
"""

__all__ = ["JSONDecoder", "JSONDecodeError"]

try:
    from _json import decode_basic as c_decode_basic
except ImportError:
    c_decode_basic = None


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties:

    msg: The unformatted error message
    doc: The JSON document being parsed
    pos: The start index of doc where parsing failed
    lineno: The line corresponding to pos
    colno: The column corresponding to pos
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        errmsg = "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_WS = " \t\n\r"
_DIGITS = "0123456789"
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f",
            "n": "\n", "r": "\r", "t": "\t"}
_HEX = "0123456789abcdefABCDEF"
_CONSTANTS = {"NaN": float("nan"), "Infinity": float("inf"),
              "-Infinity": float("-inf")}


def _skip_ws(s, i):
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


def _has_control(chunk):
    if chunk.isprintable():
        return -1
    for k in range(len(chunk)):
        if ord(chunk[k]) < 0x20:
            return k
    return -1


def _hex4(s, i):
    """The value of the 4 hex digits at s[i:i+4], or -1."""
    h = s[i:i + 4]
    if len(h) != 4:
        return -1
    for c in h:
        if c not in _HEX:
            return -1
    return int(h, 16)


def _scan_string(s, begin, strict):
    """s[begin - 1] is the opening quote; returns (str, index after the
    closing quote)."""
    pieces = []
    i = begin
    n = len(s)
    while True:
        q = s.find('"', i)
        if q < 0:
            raise JSONDecodeError("Unterminated string starting at", s, begin - 1)
        b = s.find("\\", i, q)
        stop = q if b < 0 else b
        if stop > i:
            chunk = s[i:stop]
            if strict:
                k = _has_control(chunk)
                if k >= 0:
                    raise JSONDecodeError("Invalid control character at", s, i + k)
            pieces.append(chunk)
        if b < 0:
            if not pieces:
                return "", q + 1
            if len(pieces) == 1:
                return pieces[0], q + 1
            return "".join(pieces), q + 1
        # A backslash at b.
        if b + 1 >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin - 1)
        esc = s[b + 1]
        if esc != "u":
            ch = _ESCAPES.get(esc)
            if ch is None:
                raise JSONDecodeError("Invalid \\escape", s, b)
            pieces.append(ch)
            i = b + 2
            continue
        uni = _hex4(s, b + 2)
        if uni < 0:
            raise JSONDecodeError("Invalid \\uXXXX escape", s, b + 1)
        i = b + 6
        if 0xD800 <= uni <= 0xDBFF and s[i:i + 2] == "\\u":
            low = _hex4(s, i + 2)
            if low < 0:
                raise JSONDecodeError("Invalid \\uXXXX escape", s, i + 1)
            if 0xDC00 <= low <= 0xDFFF:
                uni = 0x10000 + (((uni - 0xD800) << 10) | (low - 0xDC00))
                i += 6
        pieces.append(chr(uni))


def _scan_number(s, i, ctx):
    """A number at s[i] (a digit or '-'), or None if there is none."""
    n = len(s)
    start = i
    if i < n and s[i] == "-":
        i += 1
    if i >= n:
        return None
    c = s[i]
    if c == "0":
        i += 1
    elif "1" <= c <= "9":
        i += 1
        while i < n and s[i] in _DIGITS:
            i += 1
    else:
        return None
    is_float = False
    if i + 1 < n and s[i] == "." and s[i + 1] in _DIGITS:
        i += 2
        while i < n and s[i] in _DIGITS:
            i += 1
        is_float = True
    if i < n and (s[i] == "e" or s[i] == "E"):
        j = i + 1
        if j < n and (s[j] == "+" or s[j] == "-"):
            j += 1
        if j < n and s[j] in _DIGITS:
            j += 1
            while j < n and s[j] in _DIGITS:
                j += 1
            i = j
            is_float = True
    text = s[start:i]
    if is_float:
        return ctx.parse_float(text), i
    return ctx.parse_int(text), i


def _scan_object(s, i, ctx):
    """s[i - 1] is '{'."""
    pairs = []
    i = _skip_ws(s, i)
    if s[i:i + 1] == "}":
        i += 1
    else:
        while True:
            if s[i:i + 1] != '"':
                raise JSONDecodeError(
                    "Expecting property name enclosed in double quotes", s, i)
            key, i = _scan_string(s, i + 1, ctx.strict)
            i = _skip_ws(s, i)
            if s[i:i + 1] != ":":
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            i = _skip_ws(s, i + 1)
            value, i = _scan_value(s, i, ctx)
            pairs.append((key, value))
            i = _skip_ws(s, i)
            c = s[i:i + 1]
            i += 1
            if c == "}":
                break
            if c != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, i - 1)
            i = _skip_ws(s, i)
    if ctx.object_pairs_hook is not None:
        return ctx.object_pairs_hook(pairs), i
    result = dict(pairs)
    if ctx.object_hook is not None:
        result = ctx.object_hook(result)
    return result, i


def _scan_array(s, i, ctx):
    """s[i - 1] is '['."""
    values = []
    i = _skip_ws(s, i)
    if s[i:i + 1] == "]":
        return values, i + 1
    while True:
        value, i = _scan_value(s, i, ctx)
        values.append(value)
        i = _skip_ws(s, i)
        c = s[i:i + 1]
        i += 1
        if c == "]":
            return values, i
        if c != ",":
            raise JSONDecodeError("Expecting ',' delimiter", s, i - 1)
        i = _skip_ws(s, i)


def _scan_value(s, i, ctx):
    """The value starting exactly at s[i] (no whitespace skipped)."""
    c = s[i:i + 1]
    if c == '"':
        return _scan_string(s, i + 1, ctx.strict)
    if c == "{":
        return _scan_object(s, i + 1, ctx)
    if c == "[":
        return _scan_array(s, i + 1, ctx)
    if c == "n" and s[i:i + 4] == "null":
        return None, i + 4
    if c == "t" and s[i:i + 4] == "true":
        return True, i + 4
    if c == "f" and s[i:i + 5] == "false":
        return False, i + 5
    if c == "N" and s[i:i + 3] == "NaN":
        return ctx.parse_constant("NaN"), i + 3
    if c == "I" and s[i:i + 8] == "Infinity":
        return ctx.parse_constant("Infinity"), i + 8
    if c == "-" and s[i:i + 9] == "-Infinity":
        return ctx.parse_constant("-Infinity"), i + 9
    if c and (c in _DIGITS or c == "-"):
        r = _scan_number(s, i, ctx)
        if r is not None:
            return r
    raise JSONDecodeError("Expecting value", s, i)


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder (see json.loads for the
    meaning of the arguments)."""

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self._plain = (object_hook is None and parse_float is None and
                       parse_int is None and object_pairs_hook is None)

    def decode(self, s):
        """Return the Python representation of ``s`` (a str instance
        containing a JSON document)."""
        if self._plain and c_decode_basic is not None:
            # The C++ parser (vm/modules/json.cc) takes well-formed
            # documents; None sends errors and NaN/Infinity down here.
            r = c_decode_basic(s)
            if r is not None:
                return r[0]
        obj, end = self.raw_decode(s, _skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document from ``s`` (a str beginning with a JSON
        document) and return a 2-tuple of the Python representation and
        the index in ``s`` where the document ended."""
        if idx < 0:
            raise JSONDecodeError("Expecting value", s, idx)
        return _scan_value(s, idx, self)
