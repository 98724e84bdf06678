"""Regular expressions (CPython's `re` API) over conch's C++ engine.

The engine (_conch_sre, vm/modules/re_*.cc) parses, compiles and matches;
this module is the API: Pattern and Match objects, sub/split/findall
semantics, replacement templates, the compiled-pattern cache and re.error.
Each sub/split/findall/finditer call makes one engine call (Program.scan)
that returns every match's marks: (lastindex, start0, end0, start1, ...).

Thread safety: Pattern objects are immutable once built; the cache is a
dict read without a lock (a single dict read is atomic in both builds) and
written under _cache_lock, so two threads compiling at once never corrupt
it (at worst both compile the same pattern).
"""

import _conch_sre
import _thread

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

_MAXSIZE = 9223372036854775807


class RegexFlag(int):
    """The flag values; re.I | re.M prints as re.IGNORECASE|re.MULTILINE."""

    # Enum definition order, which is the order repr() lists them in.
    _names = (
        (256, "ASCII"), (2, "IGNORECASE"), (4, "LOCALE"), (32, "UNICODE"),
        (8, "MULTILINE"), (16, "DOTALL"), (64, "VERBOSE"), (1, "TEMPLATE"),
        (128, "DEBUG"),
    )

    def __repr__(self):
        value = int(self)
        if value == 0:
            return "re.NOFLAG"
        parts = []
        for bit, name in RegexFlag._names:
            if value & bit:
                parts.append("re." + name)
                value &= ~bit
        if value:
            parts.append(hex(value))
        return "|".join(parts)

    __str__ = __repr__

    def __format__(self, spec):
        return format(repr(self), spec)

    @property
    def name(self):
        text = repr(self)
        return None if text == "re.NOFLAG" else text.replace("re.", "")

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    __rand__ = __and__

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & 511)

    @property
    def value(self):
        return int(self)


NOFLAG = RegexFlag(0)
T = TEMPLATE = RegexFlag(1)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
U = UNICODE = RegexFlag(32)
X = VERBOSE = RegexFlag(64)
DEBUG = RegexFlag(128)
A = ASCII = RegexFlag(256)


class error(Exception):
    """Exception raised for invalid regular expressions.

    msg: the unformatted message; pattern: the pattern; pos: the index where
    compilation failed (may be None); lineno, colno: pos as line and column.
    """

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            if isinstance(pattern, str):
                newline = "\n"
            else:
                newline = b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = "re"
PatternError = error

_FLAG_NAMES = (
    (1, "re.TEMPLATE"), (2, "re.IGNORECASE"), (4, "re.LOCALE"),
    (8, "re.MULTILINE"), (16, "re.DOTALL"), (32, "re.UNICODE"),
    (64, "re.VERBOSE"), (128, "re.DEBUG"), (256, "re.ASCII"),
)


def _flags_repr(flags, is_str):
    if is_str and (flags & (4 | 32 | 256)) == 32:
        flags &= ~32
    parts = []
    for bit, name in _FLAG_NAMES:
        if flags & bit:
            parts.append(name)
            flags &= ~bit
    if flags:
        parts.append(hex(flags))
    return "|".join(parts)


class Pattern:
    """A compiled regular expression (re.compile's result)."""

    __slots__ = ("pattern", "_prog", "flags", "groups", "groupindex", "_template_cache",
                 "__weakref__")

    def __init__(self, pattern, prog):
        self.pattern = pattern
        self._prog = prog
        self.flags = prog.flags
        self.groups = prog.groups
        self.groupindex = dict(prog.groupnames)
        self._template_cache = {}

    def __repr__(self):
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        fl = _flags_repr(self.flags, isinstance(self.pattern, str))
        if fl:
            return "re.compile(%s, %s)" % (text, fl)
        return "re.compile(%s)" % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.pattern == other.pattern and self.flags == other.flags
                and type(self.pattern) is type(other.pattern))

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):  # re.Pattern[str] in annotations
        return cls

    # match/fullmatch/search are the hot path: one engine call, one Match.
    # Every method slices `_text(string)`: bytes for a bytearray subject, as
    # CPython returns bytes groups for those.
    def match(self, string, pos=0, endpos=_MAXSIZE):
        """Matches zero or more characters at the beginning of the string."""
        marks = self._prog.match(string, pos, endpos, 0, False)
        return None if marks is None else Match(self, string, marks, pos, endpos)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        """Matches against all of the string."""
        marks = self._prog.match(string, pos, endpos, 1, False)
        return None if marks is None else Match(self, string, marks, pos, endpos)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        """Scans through string looking for a match, and returns the Match."""
        marks = self._prog.match(string, pos, endpos, 2, False)
        return None if marks is None else Match(self, string, marks, pos, endpos)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        """Returns a list of all non-overlapping matches in the string."""
        return self._prog.findall(_text(string), pos, endpos)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        """Returns an iterator over all non-overlapping matches."""
        return iter([Match(self, string, marks, pos, endpos)
                     for marks in self._prog.scan(string, pos, endpos, 0)])

    def split(self, string, maxsplit=0):
        """Splits string by the occurrences of pattern."""
        if maxsplit < 0:
            return [string[:]]
        groups = self.groups
        out = []
        last = 0
        string = _text(string)
        for marks in self._prog.scan(string, 0, _MAXSIZE, maxsplit):
            out.append(string[last:marks[1]])
            for g in range(1, groups + 1):
                s = marks[2 * g + 1]
                e = marks[2 * g + 2]
                out.append(string[s:e] if s >= 0 and e >= 0 else None)
            last = marks[2]
        out.append(string[last:])
        return out

    def sub(self, repl, string, count=0):
        """Returns the string obtained by replacing matches with repl."""
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        """Returns the (new_string, number_of_subs_made) tuple."""
        return self._subx(repl, string, count)

    def _subx(self, repl, string, count):
        is_str = isinstance(self.pattern, str)
        if count < 0:
            return (string[:] if not is_str else string), 0
        string = _text(string)
        if not callable(repl):
            return self._prog.subn(self._template(repl), string, count)
        pieces = []
        last = 0
        n = 0
        for marks in self._prog.scan(string, 0, _MAXSIZE, count):
            pieces.append(string[last:marks[1]])
            r = repl(Match(self, string, marks, 0, _MAXSIZE))
            if r:
                pieces.append(r)
            last = marks[2]
            n += 1
        pieces.append(string[last:])
        joiner = "" if is_str else b""
        return joiner.join(pieces), n

    def _template(self, repl):
        try:
            t = self._template_cache.get(repl)
        except TypeError:  # a bytearray: CPython takes it only as a literal
            if isinstance(self.pattern, bytes) and b"\\" not in repl:
                return (bytes(repl),)
            raise
        if t is None:
            t = _parse_template(repl, self)
            if len(self._template_cache) < 64:
                self._template_cache[repl] = t
        return t

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return _Scanner(self, string, pos, endpos)


class _Scanner:
    """Pattern.scanner(): successive match()/search() calls along a string."""

    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._string = string
        self._start = pos
        self._pos = pos
        self._endpos = endpos
        self._must_advance = False

    def _step(self, mode):
        prog = self.pattern._prog
        marks = prog.match(self._string, self._pos, self._endpos, mode, self._must_advance)
        if marks is None:
            return None
        self._must_advance = marks[1] == marks[2]
        self._pos = marks[2]
        return Match(self.pattern, self._string, marks, self._start, self._endpos)

    def match(self):
        return self._step(0)

    def search(self):
        return self._step(2)


def _text(string):
    cls = string.__class__
    if cls is str or cls is bytes:
        return string
    if isinstance(string, bytearray):
        return bytes(string)
    return string


class Match:
    """The result of a successful match or search."""

    # Slots: a Match is built per match, and slot stores cost half a dict's.
    __slots__ = ("re", "string", "_text", "_marks", "_pos", "_endpos")

    def __init__(self, pattern, string, marks, pos, endpos):
        self.re = pattern
        self.string = string
        cls = string.__class__
        self._text = string if cls is str or cls is bytes else _text(string)
        self._marks = marks
        self._pos = pos
        self._endpos = endpos

    @property
    def pos(self):
        n = len(self.string)
        pos = self._pos
        return 0 if pos < 0 else n if pos > n else pos

    @property
    def endpos(self):
        n = len(self.string)
        endpos = self._endpos
        return 0 if endpos < 0 else n if endpos > n else endpos

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (
            (self._marks[1], self._marks[2]), self._text[self._marks[1]:self._marks[2]])

    def __bool__(self):
        return True

    def __class_getitem__(cls, item):  # re.Match[str] in annotations
        return cls

    def _index(self, g):
        if isinstance(g, int):
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(g, str):
            i = self.re.groupindex.get(g)
            if i is not None:
                return i
        else:
            try:
                i = g.__index__()
            except (AttributeError, TypeError):
                i = -1
            if 0 <= i <= self.re.groups:
                return i
        raise IndexError("no such group")

    def _get(self, g, default=None):
        i = self._index(g)
        s = self._marks[2 * i + 1]
        e = self._marks[2 * i + 2]
        if s < 0 or e < 0:
            return default
        return self._text[s:e]

    def group(self, *args):
        """Returns one or more subgroups of the match."""
        if not args:
            return self._text[self._marks[1]:self._marks[2]]
        if len(args) == 1:
            return self._get(args[0])
        return tuple([self._get(a) for a in args])

    def __getitem__(self, g):
        return self._get(g)

    def groups(self, default=None):
        """Returns a tuple of all the subgroups of the match."""
        return tuple([self._get(g, default) for g in range(1, self.re.groups + 1)])

    def groupdict(self, default=None):
        """Returns a dict of all the named subgroups of the match."""
        return {name: self._get(i, default) for name, i in self.re.groupindex.items()}

    def start(self, group=0):
        return self._marks[2 * self._index(group) + 1]

    def end(self, group=0):
        return self._marks[2 * self._index(group) + 2]

    def span(self, group=0):
        i = self._index(group)
        return (self._marks[2 * i + 1], self._marks[2 * i + 2])

    @property
    def regs(self):
        return tuple([(self._marks[2 * i + 1], self._marks[2 * i + 2])
                      for i in range(self.re.groups + 1)])

    @property
    def lastindex(self):
        li = self._marks[0]
        return None if li < 0 else li

    @property
    def lastgroup(self):
        li = self._marks[0]
        if li < 0:
            return None
        for name, i in self.re.groupindex.items():
            if i == li:
                return name
        return None

    def expand(self, template):
        """Returns the string obtained by doing backslash substitution."""
        pieces = []
        _expand_into(pieces, self.re._template(template), self._text, self._marks)
        return ("" if isinstance(self.re.pattern, str) else b"").join(pieces)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


# ---- replacement templates -----------------------------------------------

_TEMPLATE_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r",
                     "t": "\t", "v": "\v", "\\": "\\"}
_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_OCT = "01234567"
_DIGITS = "0123456789"


def _parse_template(repl, pattern):
    """repl -> list of literal pieces (str/bytes) and group numbers (int)."""
    is_str = isinstance(pattern.pattern, str)
    if is_str:
        if not isinstance(repl, str):
            raise TypeError("decoding to str: need a bytes-like object, %s found"
                            % type(repl).__name__)
        text = repl
    else:
        if isinstance(repl, str) or not isinstance(repl, (bytes, bytearray)):
            raise TypeError("sequence item 0: expected a bytes-like object, %s found"
                            % type(repl).__name__)
        text = bytes(repl).decode("latin-1")
    if "\\" not in text:
        return (repl if is_str else bytes(repl),)
    out = []
    literal = []
    n = len(text)
    i = 0
    groups = pattern.groups

    def fail(msg, pos):
        raise error(msg, repl, pos)

    def add_group(index, pos):
        if index > groups:
            fail("invalid group reference %d" % index, pos)
        if literal:
            out.append("".join(literal))
            del literal[:]
        out.append(index)

    while i < n:
        c = text[i]
        if c != "\\":
            literal.append(c)
            i += 1
            continue
        start = i
        if i + 1 >= n:
            fail("bad escape (end of pattern)", start)
        c = text[i + 1]
        i += 2
        if c == "g":
            if i >= n or text[i] != "<":
                fail("missing <", i)
            i += 1
            j = text.find(">", i)
            if j < 0:
                if i >= n:
                    fail("missing group name", i)
                fail("missing >, unterminated name", i)
            name = text[i:j]
            if not name:
                fail("missing group name", i)
            i = j + 1
            if name.isidentifier():
                index = pattern.groupindex.get(name)
                if index is None:
                    raise IndexError("unknown group name %r" % name)
            else:
                if not name.isdigit() or not name.isascii():
                    fail("bad character in group name %r" % name, j - len(name))
                index = int(name)
            add_group(index, j - len(name))
        elif c == "0":
            digits = ""
            while len(digits) < 2 and i < n and text[i] in _OCT:
                digits += text[i]
                i += 1
            literal.append(chr(int("0" + digits, 8) & 0xff))
        elif c in _DIGITS:
            if i < n and text[i] in _DIGITS:
                d = text[i]
                i += 1
                if c in _OCT and d in _OCT and i < n and text[i] in _OCT:
                    value = int(c + d + text[i], 8)
                    i += 1
                    if value > 0o377:
                        fail("octal escape value %s outside of range 0-0o377" % text[start:i], start)
                    literal.append(chr(value))
                    continue
                add_group(int(c + d), start + 1)
            else:
                add_group(int(c), start + 1)
        elif c in _TEMPLATE_ESCAPES:
            literal.append(_TEMPLATE_ESCAPES[c])
        elif c in _ASCII_LETTERS:
            fail("bad escape \\" + c, start)
        else:
            literal.append("\\" + c)
    if literal:
        out.append("".join(literal))
    if not is_str:
        out = [p if isinstance(p, int) else p.encode("latin-1") for p in out]
    return tuple(out)


def _expand_into(pieces, template, string, marks):
    for item in template:
        if item.__class__ is int:
            s = marks[2 * item + 1]
            e = marks[2 * item + 2]
            if s >= 0 and e >= 0 and e > s:
                pieces.append(string[s:e])
        else:
            pieces.append(item)


# ---- module-level functions and the cache ----------------------------------

_MAXCACHE = 512
_cache = {}
_cache_lock = _thread.allocate_lock()


def _compile(pattern, flags):
    # A RegexFlag key finds the entry an equal int made (same hash, ==).
    try:
        p = _cache.get((pattern.__class__, pattern, flags))
    except TypeError:
        p = None
    if p is not None:
        return p
    flags = int(flags)
    key = (pattern.__class__, pattern, flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    prog = _conch_sre.compile(pattern, flags)
    if type(prog) is tuple:
        msg, pos, kind = prog
        if kind == 1:
            raise ValueError(msg)
        if kind == 2:
            raise OverflowError(msg)
        if kind == 3:
            raise RecursionError(msg)
        raise error(msg, None if pos is None else pattern, pos)
    p = Pattern(pattern, prog)
    if not (flags & DEBUG):
        with _cache_lock:
            if len(_cache) >= _MAXCACHE:
                try:
                    del _cache[next(iter(_cache))]
                except (StopIteration, RuntimeError, KeyError):
                    pass
            _cache[key] = p
    return p


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost
    non-overlapping occurrences of the pattern in string by the
    replacement repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Return a 2-tuple containing (new_string, number)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern,
    returning a list containing the resulting substrings."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the
    string.  For each match, the iterator returns a Match object."""
    return _compile(pattern, flags).finditer(string)


def purge():
    "Clear the regular expression caches"
    with _cache_lock:
        _cache.clear()


def template(pattern, flags=0):
    "Compile a template pattern, returning a Pattern object"
    return _compile(pattern, flags | T)


_special_chars_map = {i: "\\" + chr(i) for i in b"()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    pattern = str(pattern, "latin1")
    return pattern.translate(_special_chars_map).encode("latin1")
