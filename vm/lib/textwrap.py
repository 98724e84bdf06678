"""Text wrapping and filling: wrap, fill, shorten, dedent, indent and
TextWrapper, with CPython's results.

Written for conch, which has no `re`: CPython splits text into chunks with a
regular expression (whitespace runs, words, and words broken after hyphens
and before em-dashes); _split_chunks below scans for the same chunks by
hand.  The line-filling algorithm is CPython's, step for step, because
programs print its output.
"""

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

_whitespace = "\t\n\x0b\x0c\r "
_WS_TO_SPACE = {ord(c): " " for c in _whitespace}
_PUNCT = "!\"'&.,?"


def _is_word(c):
    return c.isalnum() or c == "_"


def _is_letter(c):
    return (c.isalnum() or c == "_") and not c.isdecimal()


def _is_word_punct(c):
    return _is_word(c) or c in _PUNCT


def _at(s, i):
    return s[i] if 0 <= i < len(s) else ""


def _dash_run(s, j):
    """True if s[j:] starts with two or more '-' followed by a word char."""
    k = j
    while k < len(s) and s[k] == "-":
        k += 1
    return k - j >= 2 and k < len(s) and _is_word(s[k])


def _hyphen_break(s, j):
    """True if a word may be broken after the '-' at s[j]."""
    if _at(s, j) != "-":
        return False
    a, b, c = _at(s, j - 3), _at(s, j - 2), _at(s, j - 1)
    before = ((b and c and _is_letter(b) and _is_letter(c)) or
              (a and c and _is_letter(a) and b == "-" and _is_letter(c)))
    if not before:
        return False
    x = _at(s, j + 1)
    if not x or not _is_letter(x):
        return False
    y = _at(s, j + 2)
    if y == "-":
        y = _at(s, j + 3)
    return bool(y) and _is_letter(y)


def _word_end(s, i):
    """End of the word chunk starting at s[i] (not whitespace)."""
    n = len(s)
    j = i + 1
    while True:
        if _hyphen_break(s, j):
            return j + 1
        if j >= n or s[j] in _whitespace:
            return j
        if _is_word_punct(s[j - 1]) and _dash_run(s, j):
            return j
        j += 1


def _sentence_end(chunk):
    """CPython's sentence_end_re: [a-z][.!?]["']? at the end."""
    if chunk[-1:] in ("\"", "'"):
        chunk = chunk[:-1]
    return (len(chunk) >= 2 and chunk[-1] in ".!?" and
            "a" <= chunk[-2] <= "z")


class TextWrapper:
    """Object for wrapping/filling text (see the module functions)."""

    def __init__(self, width=70, initial_indent="", subsequent_indent="",
                 expand_tabs=True, replace_whitespace=True,
                 fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8,
                 *, max_lines=None, placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(_WS_TO_SPACE)
        return text

    def _split(self, text):
        chunks = []
        n = len(text)
        i = 0
        while i < n:
            j = i + 1
            if text[i] in _whitespace:
                while j < n and text[j] in _whitespace:
                    j += 1
            elif not self.break_on_hyphens:
                while j < n and text[j] not in _whitespace:
                    j += 1
            elif (text[i] == "-" and i > 0 and _is_word_punct(text[i - 1])
                  and _dash_run(text, i)):
                while text[j] == "-":
                    j += 1
            else:
                j = _word_end(text, i)
            chunks.append(text[i:j])
            i = j
        return chunks

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _sentence_end(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind("-", 0, space_left)
                if hyphen > 0 and chunk[:hyphen].strip("-"):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            indent = (self.subsequent_indent if self.max_lines > 1
                      else self.initial_indent)
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                del chunks[-1]
            while chunks:
                size = len(chunks[-1])
                if cur_len + size > width:
                    break
                cur_line.append(chunks.pop())
                cur_len += size
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum([len(c) for c in cur_line])
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if cur_line:
                if self._line_fits(lines, chunks, cur_len, width):
                    lines.append(indent + "".join(cur_line))
                else:
                    self._place_placeholder(lines, cur_line, cur_len, width, indent)
                    break
        return lines

    def _line_fits(self, lines, chunks, cur_len, width):
        """True unless this line must end with the placeholder."""
        if self.max_lines is None or len(lines) + 1 < self.max_lines:
            return True
        rest_blank = (not chunks or self.drop_whitespace and len(chunks) == 1
                      and not chunks[0].strip())
        return rest_blank and cur_len <= width

    def _place_placeholder(self, lines, cur_line, cur_len, width, indent):
        while cur_line:
            if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                cur_line.append(self.placeholder)
                lines.append(indent + "".join(cur_line))
                return
            cur_len -= len(cur_line[-1])
            del cur_line[-1]
        if lines:
            prev_line = lines[-1].rstrip()
            if len(prev_line) + len(self.placeholder) <= self.width:
                lines[-1] = prev_line + self.placeholder
                return
        lines.append(indent + self.placeholder.lstrip())

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap a single paragraph of text, returning a list of wrapped lines."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """Fill a single paragraph of text, returning a new string."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse and truncate the given text to fit in the given width."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(" ".join(text.strip().split()))


def dedent(text):
    """Remove any common leading whitespace from every line in `text`.
    Lines of only spaces and tabs are normalized to empty lines."""
    lines = text.split("\n")
    margin = None
    for k in range(len(lines)):
        line = lines[k]
        if line and not line.strip(" \t"):
            lines[k] = ""
            continue
        if not line:
            continue
        stripped = line.lstrip(" \t")
        indent = line[:len(line) - len(stripped)]
        if margin is None or margin.startswith(indent):
            margin = indent
        elif not indent.startswith(margin):
            for i in range(min(len(margin), len(indent))):
                if margin[i] != indent[i]:
                    margin = margin[:i]
                    break
    if margin:
        size = len(margin)
        lines = [line[size:] if line.startswith(margin) else line
                 for line in lines]
    return "\n".join(lines)


def indent(text, prefix, predicate=None):
    """Add 'prefix' to the beginning of selected lines in 'text' (by
    default those that are not whitespace only)."""
    out = []
    for line in text.splitlines(True):
        if (line.strip() if predicate is None else predicate(line)):
            out.append(prefix + line)
        else:
            out.append(line)
    return "".join(out)
