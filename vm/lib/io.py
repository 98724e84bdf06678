"""The io module: conch's file types (from the built-in _io) plus the
in-memory streams StringIO and BytesIO, written here in Python.

Design: a StringIO keeps its text as one str plus a list of pending pieces
appended at the end (the common "write, write, ..., getvalue()" pattern
costs one join, not a copy per write); any other operation first folds the
pieces into the str.  A BytesIO keeps a bytearray, which already grows in
place.  Positions are counted in characters (StringIO) or bytes (BytesIO),
as in CPython, and both accept seeking past the end: a later write pads the
gap with NULs.
"""

from _io import (UnsupportedOperation, TextIOWrapper, BufferedReader,
                 BufferedWriter, BufferedRandom, DEFAULT_BUFFER_SIZE)
from builtins import open  # the same object as the builtin, as in CPython

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


def _check_size(size):
    if size is None:
        return -1
    if not isinstance(size, int):
        raise TypeError("argument should be integer or None, not '%s'"
                        % type(size).__name__)
    return size


class _MemoryIO:
    """What StringIO and BytesIO share: closing, context management,
    iteration and the capability queries."""

    def _check_open(self):
        if self._closed:
            raise ValueError(self._closed_message)

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def isatty(self):
        self._check_open()
        return False

    def flush(self):
        self._check_open()

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        if self._closed:  # sic: CPython's IOBase check, with the period
            raise ValueError("I/O operation on closed file.")
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        hint = _check_size(hint)
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._check_open()
        for line in lines:
            self.write(line)


class StringIO(_MemoryIO):
    """An in-memory text stream."""

    _closed_message = "I/O operation on closed file"  # CPython's wording

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s"
                            % type(newline).__name__)
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        self._closed = False
        self._newline = newline
        self._text = ""
        self._pending = []
        self._len = 0
        self._pos = 0
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _fold(self):
        if self._pending:
            self._text = self._text + "".join(self._pending)
            self._pending = []

    def _translate(self, s):
        nl = self._newline
        if nl is None:
            if "\r" in s:
                s = s.replace("\r\n", "\n").replace("\r", "\n")
        elif nl != "" and nl != "\n":
            s = s.replace("\n", nl)
        return s

    def getvalue(self):
        self._check_open()
        self._fold()
        return self._text

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'"
                            % type(s).__name__)
        n = len(s)
        s = self._translate(s)
        if not s:
            return n
        pos = self._pos
        if pos == self._len:
            self._pending.append(s)
        else:
            self._fold()
            text = self._text
            if pos > self._len:
                text = text + "\0" * (pos - self._len)
            self._text = text[:pos] + s + text[pos + len(s):]
        self._pos = pos + len(s)
        if self._pos > self._len:
            self._len = self._pos
        return n

    def read(self, size=-1):
        self._check_open()
        size = _check_size(size)
        self._fold()
        pos = self._pos
        if pos >= self._len:
            return ""
        end = self._len if size < 0 else min(self._len, pos + size)
        self._pos = end
        return self._text[pos:end]

    def _line_end(self, text, pos):
        nl = self._newline
        if nl == "":
            # Universal newlines, untranslated: the first of \n, \r, \r\n.
            n = text.find("\n", pos)
            r = text.find("\r", pos)
            if r >= 0 and (n < 0 or r < n):
                return r + 2 if text.startswith("\r\n", r) else r + 1
            return n + 1 if n >= 0 else -1
        if nl == "\r" or nl == "\r\n":
            i = text.find(nl, pos)
            return i + len(nl) if i >= 0 else -1
        i = text.find("\n", pos)
        return i + 1 if i >= 0 else -1

    def readline(self, size=-1):
        self._check_open()
        size = _check_size(size)
        self._fold()
        pos = self._pos
        if pos >= self._len:
            return ""
        end = self._line_end(self._text, pos)
        if end < 0:
            end = self._len
        if size >= 0 and end > pos + size:
            end = pos + size
        self._pos = end
        return self._text[pos:end]

    def tell(self):
        self._check_open()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_open()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(pos).__name__)
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                # sic: CPython words both cases the same
                raise OSError("Can't do nonzero cur-relative seeks")
            self._pos = self._len
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        elif not isinstance(size, int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(size).__name__)
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        if size < self._len:
            self._fold()
            self._text = self._text[:size]
            self._len = size
        return size

    @property
    def newlines(self):
        return None

    @property
    def line_buffering(self):
        return False

    def __getstate__(self):
        raise TypeError("cannot pickle 'StringIO' object")

    def __repr__(self):
        return "<_io.StringIO object at 0x%x>" % id(self)


def _as_bytes(b, what):
    if isinstance(b, bytes):
        return b
    if isinstance(b, bytearray):
        return bytes(b)
    raise TypeError("a bytes-like object is required, not '%s'"
                    % type(b).__name__)


class BytesIO(_MemoryIO):
    """An in-memory binary stream."""

    _closed_message = "I/O operation on closed file."

    def __init__(self, initial_bytes=None):
        self._closed = False
        self._buf = bytearray()
        self._pos = 0
        if initial_bytes is not None:
            self._buf += _as_bytes(initial_bytes, "initial_bytes")

    def getvalue(self):
        self._check_open()
        return bytes(self._buf)

    def write(self, b):
        self._check_open()
        b = _as_bytes(b, "write")
        n = len(b)
        if n == 0:
            return 0
        pos = self._pos
        buf = self._buf
        size = len(buf)
        if pos == size:
            buf += b
        else:
            if pos > size:
                buf += b"\0" * (pos - size)
            buf[pos:pos + n] = b
        self._pos = pos + n
        return n

    def read(self, size=-1):
        self._check_open()
        size = _check_size(size)
        pos = self._pos
        total = len(self._buf)
        if pos >= total:
            return b""
        end = total if size < 0 else min(total, pos + size)
        self._pos = end
        return bytes(self._buf[pos:end])

    def read1(self, size=-1):
        return self.read(size)

    def readline(self, size=-1):
        self._check_open()
        size = _check_size(size)
        pos = self._pos
        total = len(self._buf)
        if pos >= total:
            return b""
        i = self._buf.find(b"\n", pos)
        end = total if i < 0 else i + 1
        if size >= 0 and end > pos + size:
            end = pos + size
        self._pos = end
        return bytes(self._buf[pos:end])

    def readinto(self, target):
        self._check_open()
        data = self.read(len(target))
        target[:len(data)] = data
        return len(data)

    def tell(self):
        self._check_open()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_open()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(pos).__name__)
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
        elif whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        self._pos = pos
        return pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        elif not isinstance(size, int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(size).__name__)
        if size < 0:
            raise ValueError("negative size value %d" % size)
        if size < len(self._buf):
            del self._buf[size:]
        return size

    def __repr__(self):
        return "<_io.BytesIO object at 0x%x>" % id(self)
