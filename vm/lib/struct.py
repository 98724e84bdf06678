"""struct: packing Python values into bytes as C would lay them out.

Written in Python for conch.  A format compiles once (cached by format
string) into a list of items (code, count, offset); pack and unpack walk
that list.  Integers go through int.to_bytes / int.from_bytes; floats are
converted exactly, from float.hex() digits to IEEE bits with integer
arithmetic (round half to even), so 'e', 'f' and 'd' give CPython's bytes.

Native mode ('@', the default) uses this machine's sizes and alignment
(x86-64 / aarch64 LP64, little-endian); '=', '<', '>' and '!' use the
standard sizes without alignment.  Error messages are CPython's.
"""

import math
import sys

__all__ = ["calcsize", "pack", "pack_into", "unpack", "unpack_from",
           "iter_unpack", "Struct", "error"]


class error(Exception):
    pass


# code: (native size, standard size); standard None = native only.
_SIZES = {
    "x": (1, 1), "c": (1, 1), "b": (1, 1), "B": (1, 1), "?": (1, 1),
    "h": (2, 2), "H": (2, 2), "i": (4, 4), "I": (4, 4), "l": (8, 4),
    "L": (8, 4), "q": (8, 8), "Q": (8, 8), "n": (8, None), "N": (8, None),
    "P": (8, None), "e": (2, 2), "f": (4, 4), "d": (8, 8), "s": (1, 1),
    "p": (1, 1),
}
_SIGNED = "bhilqn"
_UNSIGNED = "BHILQNP"
# b/B/h/H name their C type in range errors; the others quote the code.
_SHORT_NAMES = {"b": "byte", "B": "ubyte", "h": "short", "H": "ushort"}
_SWAPPED_NAMES = {"b": "byte", "B": "ubyte"}
_LONG_MIN = -(1 << 63)
_ULONG_MAX = (1 << 64) - 1


def _compile(fmt):
    """(byte order, size, items) for a format string."""
    order = sys.byteorder
    native = True
    i = 0
    if fmt and fmt[0] in "@=<>!":
        c = fmt[0]
        i = 1
        native = c == "@"
        if c == "<":
            order = "little"
        elif c == ">" or c == "!":
            order = "big"
    items = []
    offset = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c.isspace():
            i += 1
            continue
        count = 1
        if "0" <= c <= "9":
            j = i
            while j < n and "0" <= fmt[j] <= "9":
                j += 1
            count = int(fmt[i:j])
            if j >= n:
                raise error("repeat count given without format specifier")
            i = j
            c = fmt[i]
        sizes = _SIZES.get(c)
        if sizes is None or (not native and sizes[1] is None):
            raise error("bad char in struct format")
        size = sizes[0] if native else sizes[1]
        if native and size > 1:
            offset = (offset + size - 1) // size * size
        if c == "s" or c == "p":
            items.append((c, count, offset))
            offset += count
        else:
            for k in range(count):
                if c != "x":
                    items.append((c, size, offset))
                offset += size
        i += 1
    return order, native, offset, items


# ---------------------------------------------------------------------------
# Floats <-> IEEE bits.

def _decompose(x):
    """A finite nonzero float's |x| as (m, e): m * 2**e exactly."""
    h = float.hex(abs(x))       # '0x1.8000000000000p+0'
    p = h.index("p")
    lead = h[2]
    frac = int(h[4:p], 16) if p > 4 else 0
    exp = int(h[p + 1:])
    m = (int(lead) << 52) | (frac << (52 - 4 * (p - 4)))
    return m, exp - 52


def _float_bits(x, ebits, mbits, code, clamp):
    """The IEEE bits of x in a format with ebits exponent and mbits
    fraction bits.  Overflow raises, or gives infinity if clamp."""
    sign = 1 if math.copysign(1.0, x) < 0 else 0
    top = (1 << ebits) - 1
    if x != x:
        return (sign << (ebits + mbits)) | (top << mbits) | (1 << (mbits - 1))
    if x == 0:
        return sign << (ebits + mbits)
    if x in (math.inf, -math.inf):
        return (sign << (ebits + mbits)) | (top << mbits)
    m, e = _decompose(x)
    bias = (1 << (ebits - 1)) - 1
    emin = 1 - bias
    unit = max(e + m.bit_length() - 1, emin) - mbits
    if e >= unit:
        q = m << (e - unit)
    else:
        s = unit - e
        q = m >> s
        r = m - (q << s)
        half = 1 << (s - 1)
        if r > half or (r == half and q & 1):
            q += 1
    if q >> (mbits + 1):
        q >>= 1
        unit += 1
    if q >> mbits:
        field = unit + mbits + bias
        if field >= top:
            if not clamp:
                raise OverflowError("float too large to pack with %s format" % code)
            return (sign << (ebits + mbits)) | (top << mbits)
        return (sign << (ebits + mbits)) | (field << mbits) | (q - (1 << mbits))
    return (sign << (ebits + mbits)) | q


def _bits_float(bits, ebits, mbits):
    sign = -1.0 if bits >> (ebits + mbits) else 1.0
    top = (1 << ebits) - 1
    field = (bits >> mbits) & top
    frac = bits & ((1 << mbits) - 1)
    bias = (1 << (ebits - 1)) - 1
    if field == top:
        return math.copysign(math.nan if frac else math.inf, sign)
    if field == 0:
        return math.copysign(math.ldexp(float(frac), 1 - bias - mbits), sign)
    return math.copysign(math.ldexp(float(frac | (1 << mbits)), field - bias - mbits), sign)


_FLOAT_LAYOUT = {2: (5, 10), 4: (8, 23), 8: (11, 52)}


# ---------------------------------------------------------------------------
# Packing one value.

def _as_int(v):
    if isinstance(v, int):
        return int(v)
    if hasattr(type(v), "__index__"):
        return type(v).__index__(v)
    raise error("required argument is not an integer")


def _pack_int(c, size, v, swapped):
    """swapped: the byte order is not this machine's.  CPython packs those
    with other routines, whose messages differ for h, H, q and Q."""
    v = _as_int(v)
    if swapped and (c == "q" or c == "Q"):
        signed = c == "q"
        lo = -(1 << 63) if signed else 0
        if v < lo or v > lo + _ULONG_MAX:
            raise error("int too large to convert")
        return v.to_bytes(size, "little", signed=signed)
    short_names = _SWAPPED_NAMES if swapped else _SHORT_NAMES
    if c in _SIGNED:
        if v < _LONG_MIN or v > _ULONG_MAX >> 1:
            raise error("argument out of range")
        lo = -(1 << (8 * size - 1))
        hi = (1 << (8 * size - 1)) - 1
    else:
        if c in short_names:
            if v < _LONG_MIN or v > _ULONG_MAX >> 1:
                raise error("argument out of range")
        elif v < 0 or v > _ULONG_MAX:
            raise error("argument out of range")
        lo = 0
        hi = (1 << (8 * size)) - 1
    if v < lo or v > hi:
        name = short_names.get(c)
        if name is not None:
            raise error("%s format requires %d <= number <= %d" % (name, lo, hi))
        raise error("'%s' format requires %d <= number <= %d" % (c, lo, hi))
    return v.to_bytes(size, "little", signed=c in _SIGNED)


def _as_float(v):
    if isinstance(v, float):
        return v
    if isinstance(v, int) or hasattr(type(v), "__float__") or hasattr(type(v), "__index__"):
        return float(v)
    raise error("required argument is not a float")


def _pack_one(c, size, v, swapped, native):
    """Bytes for one non-string item (little-endian ints are reversed by
    the caller for big-endian orders)."""
    if c == "e" or c == "f" or c == "d":
        x = _as_float(v)
        ebits, mbits = _FLOAT_LAYOUT[size]
        clamp = native and c == "f"  # a C cast to float gives infinity
        return _float_bits(x, ebits, mbits, c, clamp).to_bytes(size, "little")
    if c == "?":
        return b"\x01" if v else b"\x00"
    if c == "c":
        if isinstance(v, (bytes, bytearray)) and len(v) == 1:
            return bytes(v)
        raise error("char format requires a bytes object of length 1")
    return _pack_int(c, size, v, swapped)


def _pack_string(c, count, v):
    if not isinstance(v, (bytes, bytearray)):
        raise error("argument for '%s' must be a bytes object" % c)
    if c == "s":
        return bytes(v[:count]) + b"\0" * max(0, count - len(v))
    if count == 0:
        return b""
    n = min(len(v), count - 1, 255)
    return bytes([n]) + bytes(v[:n]) + b"\0" * (count - 1 - n)


def _unpack_one(c, size, data, order):
    if c == "s":
        return bytes(data)
    if c == "p":
        if size == 0:
            return b""
        n = min(data[0], size - 1)
        return bytes(data[1:1 + n])
    if c == "c":
        return bytes(data)
    if c == "?":
        return data[0] != 0
    if c == "e" or c == "f" or c == "d":
        ebits, mbits = _FLOAT_LAYOUT[size]
        return _bits_float(int.from_bytes(data, order), ebits, mbits)
    return int.from_bytes(data, order, signed=c in _SIGNED)


def _buffer(b):
    if isinstance(b, (bytes, bytearray)):
        return b
    raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)


class Struct:
    """Struct(fmt) --> compiled struct object"""

    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode("ascii")
        elif not isinstance(format, str):
            raise TypeError("Struct() argument 1 must be a str or bytes "
                            "object, not %s" % type(format).__name__)
        self.format = format
        self._order, self._native, self.size, self._items = _compile(format)
        self._nargs = len(self._items)

    def _pack_items(self, values, who):
        if len(values) != self._nargs:
            raise error("%s expected %d items for packing (got %d)"
                        % (who, self._nargs, len(values)))
        out = bytearray(self.size)
        big = self._order == "big"
        swapped = self._order != sys.byteorder
        native = self._native
        k = 0
        for c, size, offset in self._items:
            v = values[k]
            k += 1
            if c == "s" or c == "p":
                b = _pack_string(c, size, v)
            else:
                b = _pack_one(c, size, v, swapped, native)
                if big and size > 1:
                    b = b[::-1]
            out[offset:offset + len(b)] = b
        return out

    def pack(self, *values):
        return bytes(self._pack_items(values, "pack"))

    def pack_into(self, buffer, offset, *values):
        data = self._pack_items(values, "pack_into")
        if not isinstance(buffer, bytearray):
            raise TypeError("argument must be read-write bytes-like object, not %s"
                            % type(buffer).__name__)
        offset = _as_int(offset)
        n = len(buffer)
        if offset < 0:
            if offset + self.size > 0:
                raise error("no space to pack %d bytes at offset %d" % (self.size, offset))
            if offset + n < 0:
                raise error("offset %d out of range for %d-byte buffer" % (offset, n))
            offset += n
        if n - offset < self.size:
            raise error("pack_into requires a buffer of at least %d bytes for "
                        "packing %d bytes at offset %d (actual buffer size is %d)"
                        % (self.size + offset, self.size, offset, n))
        buffer[offset:offset + self.size] = data

    def _unpack_at(self, data, base):
        order = self._order
        out = []
        for c, size, offset in self._items:
            at = base + offset
            out.append(_unpack_one(c, size, data[at:at + size], order))
        return tuple(out)

    def unpack(self, buffer):
        data = _buffer(buffer)
        if len(data) != self.size:
            raise error("unpack requires a buffer of %d bytes" % self.size)
        return self._unpack_at(data, 0)

    def unpack_from(self, buffer, offset=0):
        data = _buffer(buffer)
        n = len(data)
        if offset < 0:
            if offset + n < 0:
                raise error("offset %d out of range for %d-byte buffer" % (offset, n))
            offset += n
        if n - offset < self.size:
            raise error("unpack_from requires a buffer of at least %d bytes for "
                        "unpacking %d bytes at offset %d (actual buffer size is %d)"
                        % (self.size + offset, self.size, offset, n))
        return self._unpack_at(data, offset)

    def iter_unpack(self, buffer):
        data = _buffer(buffer)
        if self.size == 0:
            raise error("cannot iteratively unpack with a struct of length 0")
        if len(data) % self.size:
            raise error("iterative unpacking requires a buffer of a multiple "
                        "of %d bytes" % self.size)
        return self._iter(data)

    def _iter(self, data):
        for base in range(0, len(data), self.size):
            yield self._unpack_at(data, base)


_cache = {}


def _struct(fmt):
    s = _cache.get(fmt)
    if s is None:
        s = Struct(fmt)
        if len(_cache) > 100:
            _cache.clear()
        _cache[fmt] = s
    return s


def calcsize(format):
    return _struct(format).size


def pack(format, *values):
    return _struct(format).pack(*values)


def pack_into(format, buffer, offset, *values):
    _struct(format).pack_into(buffer, offset, *values)


def unpack(format, buffer):
    return _struct(format).unpack(buffer)


def unpack_from(format, buffer, offset=0):
    return _struct(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer):
    return _struct(format).iter_unpack(buffer)
