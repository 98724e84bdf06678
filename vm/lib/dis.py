"""Disassembler of conch bytecode, in the shape of CPython's `dis` module.

The instruction set is conch's own (vm/compile/opcodes.h), with CPython's
opcode names where the operation is the same; the listing layout is CPython
3.11's.  The bytecode itself is read by the built-in `_dis` module, so this
file never decodes instruction words.
"""

import sys
import _dis

__all__ = ["code_info", "dis", "disassemble", "distb", "disco",
           "get_instructions", "Instruction", "show_code", "opname", "opmap",
           "findlinestarts", "Bytecode"]

opname = list(_dis.opnames)
opmap = {name: op for op, name in enumerate(opname)}
_argkinds = list(_dis.argkinds)
hasconst = [op for op, k in enumerate(_argkinds) if k == "const"]
hasname = [op for op, k in enumerate(_argkinds) if k in ("name", "global")]
hasjrel = []
hasjabs = [op for op, k in enumerate(_argkinds) if k == "jump"]
haslocal = [op for op, k in enumerate(_argkinds) if k == "local"]
hasfree = [op for op, k in enumerate(_argkinds) if k == "free"]
hascompare = [op for op, k in enumerate(_argkinds) if k == "compare"]
HAVE_ARGUMENT = 0  # conch instructions all carry an argument word

_FIELDS = ("opname", "opcode", "arg", "argval", "argrepr", "offset",
           "starts_line", "is_jump_target")


class Instruction:
    """One bytecode instruction, with the fields of CPython's
    dis.Instruction (a named tuple there; compared and printed alike)."""

    __slots__ = _FIELDS + ("positions",)

    def __init__(self, opname, opcode, arg, argval, argrepr, offset,
                 starts_line, is_jump_target, positions=None):
        self.opname = opname
        self.opcode = opcode
        self.arg = arg
        self.argval = argval
        self.argrepr = argrepr
        self.offset = offset
        self.starts_line = starts_line
        self.is_jump_target = is_jump_target
        self.positions = positions

    def _astuple(self):
        return tuple(getattr(self, f) for f in _FIELDS)

    def __iter__(self):
        return iter(self._astuple())

    def __len__(self):
        return len(_FIELDS)

    def __getitem__(self, i):
        return self._astuple()[i]

    def __eq__(self, other):
        if isinstance(other, Instruction):
            return self._astuple() == other._astuple()
        return NotImplemented

    def __hash__(self):
        return hash(self._astuple())

    def __repr__(self):
        parts = ", ".join("%s=%r" % (f, getattr(self, f)) for f in _FIELDS)
        return "Instruction(%s)" % parts

    def _disassemble(self, lineno_width=3, mark_as_current=False, offset_width=4):
        fields = []
        if lineno_width:
            if self.starts_line is not None:
                fields.append(("%%%dd" % lineno_width) % self.starts_line)
            else:
                fields.append(" " * lineno_width)
        fields.append("-->" if mark_as_current else "   ")
        fields.append(">>" if self.is_jump_target else "  ")
        fields.append(repr(self.offset).rjust(offset_width))
        fields.append(self.opname.ljust(20))
        if self.arg is not None:
            fields.append(repr(self.arg).rjust(5))
            if self.argrepr:
                fields.append("(" + self.argrepr + ")")
        return " ".join(fields).rstrip()


def _is_code(x):
    return type(x).__name__ == "code"


def _get_code_object(x):
    """The code object of a method, function, generator, source string or
    code object (CPython's _get_code_object)."""
    if hasattr(x, "__func__"):
        x = x.__func__
    if hasattr(x, "__code__"):
        x = x.__code__
    elif hasattr(x, "gi_code"):
        x = x.gi_code
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if _is_code(x):
        return x
    raise TypeError("don't know how to disassemble %s objects" %
                    type(x).__name__)


def _try_compile(source, name):
    try:
        return compile(source, name, "eval")
    except SyntaxError:
        pass
    return compile(source, name, "exec")


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """An iterator over the instructions of a function, method, source
    string or code object."""
    co = _get_code_object(x)
    shift = 0
    if first_line is not None:
        shift = first_line - co.co_firstlineno
    return _instructions(co, shift)


def _instructions(co, shift=0):
    for t in _dis.instructions(co):
        starts = t[6]
        if starts is not None:
            starts += shift
        yield Instruction(t[0], t[1], t[2], t[3], t[4], t[5], starts, t[7])


def findlinestarts(code):
    """(offset, lineno) for each instruction that starts a line."""
    for t in _dis.instructions(code):
        if t[6] is not None:
            yield t[5], t[6]


def _print(text, file):
    if file is None:
        file = sys.stdout
    file.write(text)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble one code object (no nested code objects)."""
    _print(_dis.disassemble(co, False), file)


disco = disassemble


def _disassemble_recursive(co, *, file=None, depth=None):
    if depth is None or depth > 0:
        if depth is not None:
            depth = depth - 1
        _print(_dis.disassemble(co, False), file)
        for x in co.co_consts:
            if _is_code(x):
                print(file=file)
                print("Disassembly of %r:" % (x,), file=file)
                _disassemble_recursive(x, file=file, depth=depth)
    else:
        _print(_dis.disassemble(co, False), file)


def _have_code(x):
    if _is_code(x) or isinstance(x, (classmethod, staticmethod, type)):
        return True
    return hasattr(x, "__code__") or hasattr(x, "__func__")


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble a class, method, function, generator, code object or
    source string; classes and modules disassemble each of their
    functions."""
    if x is None:
        distb(file=file)
        return
    if hasattr(x, "__func__"):
        x = x.__func__
    if hasattr(x, "__code__"):
        x = x.__code__
    elif hasattr(x, "gi_code"):
        x = x.gi_code
    if _is_code(x):
        _disassemble_recursive(x, file=file, depth=depth)
    elif isinstance(x, str):
        _disassemble_recursive(_try_compile(x, "<dis>"), file=file, depth=depth)
    elif hasattr(x, "__dict__"):
        for name, x1 in sorted(x.__dict__.items()):
            if _have_code(x1):
                print("Disassembly of %s:" % name, file=file)
                try:
                    dis(x1, file=file, depth=depth)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
                print(file=file)
    elif type(x).__name__ in ("bytes", "bytearray"):
        raise TypeError("don't know how to disassemble raw bytecode in conch")
    else:
        raise TypeError("don't know how to disassemble %s objects" %
                        type(x).__name__)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble the code of a traceback's innermost frame."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file)


_FLAG_NAMES = {
    1: "OPTIMIZED", 2: "NEWLOCALS", 4: "VARARGS", 8: "VARKEYWORDS",
    16: "NESTED", 32: "GENERATOR", 64: "NOFREE", 128: "COROUTINE",
    256: "ITERABLE_COROUTINE", 512: "ASYNC_GENERATOR",
}


def pretty_flags(flags):
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


def code_info(x):
    """Details of a code object, as text."""
    co = _get_code_object(x)
    lines = []
    lines.append("Name:              %s" % (co.co_name,))
    lines.append("Filename:          %s" % (co.co_filename,))
    lines.append("Argument count:    %s" % (co.co_argcount,))
    lines.append("Positional-only arguments: %s" % (co.co_posonlyargcount,))
    lines.append("Kw-only arguments: %s" % (co.co_kwonlyargcount,))
    lines.append("Number of locals:  %s" % (co.co_nlocals,))
    lines.append("Stack size:        %s" % (co.co_stacksize,))
    lines.append("Flags:             %s" % (pretty_flags(co.co_flags),))
    if co.co_consts:
        lines.append("Constants:")
        for i_c in enumerate(co.co_consts):
            lines.append("%4d: %r" % i_c)
    if co.co_names:
        lines.append("Names:")
        for i_n in enumerate(co.co_names):
            lines.append("%4d: %s" % i_n)
    if co.co_varnames:
        lines.append("Variable names:")
        for i_n in enumerate(co.co_varnames):
            lines.append("%4d: %s" % i_n)
    if co.co_freevars:
        lines.append("Free variables:")
        for i_n in enumerate(co.co_freevars):
            lines.append("%4d: %s" % i_n)
    if co.co_cellvars:
        lines.append("Cell variables:")
        for i_n in enumerate(co.co_cellvars):
            lines.append("%4d: %s" % i_n)
    return "\n".join(lines)


def show_code(co, *, file=None):
    """Print details of a code object."""
    print(code_info(co), file=file)


class Bytecode:
    """The instructions of a code object, iterable, with dis() as text."""

    def __init__(self, x, *, first_line=None, current_offset=None,
                 show_caches=False, adaptive=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self.current_offset = current_offset

    def __iter__(self):
        return _instructions(self.codeobj, self._line_offset)

    def __repr__(self):
        return "Bytecode(%r)" % (self.codeobj,)

    def info(self):
        return code_info(self.codeobj)

    def dis(self):
        return _dis.disassemble(self.codeobj, False)


def _test():
    """conch -m dis [file]: disassemble a source file (stdin when none)."""
    args = sys.argv[1:]
    if args and args[0] != "-":
        with open(args[0], "rb") as f:
            source = f.read()
        name = args[0]
    else:
        source = sys.stdin.read()
        name = "<stdin>"
    if isinstance(source, bytes):
        source = source.decode("utf-8")
    code = compile(source, name, "exec")
    dis(code)


if __name__ == "__main__":
    _test()
