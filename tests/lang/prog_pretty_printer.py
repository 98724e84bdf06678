# Program: a JSON-like pretty printer and a tiny parser for the same format.


def escape(s):
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) > 0x7E:
            out.append("\\u%04x" % ord(ch) if ord(ch) < 0x10000 else "\\U%08x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def dump(value, indent=0, step=2):
    pad = " " * indent
    inner = " " * (indent + step)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        items = [inner + dump(v, indent + step, step) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [inner + escape(str(k)) + ": " + dump(v, indent + step, step) for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    raise TypeError("cannot serialize " + type(value).__name__)


class Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def skip(self):
        while self.pos < len(self.text) and self.text[self.pos] in " \n\t,:":
            self.pos += 1

    def parse(self):
        self.skip()
        ch = self.text[self.pos]
        if ch == "{":
            self.pos += 1
            result = {}
            while True:
                self.skip()
                if self.text[self.pos] == "}":
                    self.pos += 1
                    return result
                key = self.parse()
                result[key] = self.parse()
        if ch == "[":
            self.pos += 1
            result = []
            while True:
                self.skip()
                if self.text[self.pos] == "]":
                    self.pos += 1
                    return result
                result.append(self.parse())
        if ch == '"':
            return self.parse_string()
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] not in ",]}\n ":
            self.pos += 1
        word = self.text[start:self.pos]
        consts = {"null": None, "true": True, "false": False}
        if word in consts:
            return consts[word]
        return float(word) if any(c in word for c in ".e") else int(word)

    def parse_string(self):
        self.pos += 1
        out = []
        simple = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
        while self.text[self.pos] != '"':
            ch = self.text[self.pos]
            if ch == "\\":
                code = self.text[self.pos + 1]
                if code in simple:
                    out.append(simple[code])
                    self.pos += 2
                else:
                    digits = 4 if code == "u" else 8
                    out.append(chr(int(self.text[self.pos + 2:self.pos + 2 + digits], 16)))
                    self.pos += 2 + digits
            else:
                out.append(ch)
                self.pos += 1
        self.pos += 1
        return "".join(out)


doc = {
    "name": "conch",
    "version": [0, 1, 0],
    "ratio": 0.75,
    "big": 2 ** 80,
    "flags": {"gil": True, "free_threaded": False, "extra": None},
    "text": 'quote " backslash \\ tab\t newline\n caf\u00e9 \U0001F600',
    "empty": {"list": [], "dict": {}},
    "matrix": [[1, 2], [3, 4.5]],
    "neg": -17,
}
out = dump(doc)
print(out)
back = Parser(out).parse()
print("round trip equal:", back == doc)
print("keys in order:", list(back) == list(doc))
print(dump([1, [2, [3, [4]]]], step=4))
print(dump("solo"), dump(None), dump([]), dump(1e-7))
try:
    dump({"bad": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
