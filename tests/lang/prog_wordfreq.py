# Program: word-frequency count over a text built in the program.

PARAGRAPHS = [
    "The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs.",
    "A journey of a thousand miles begins with a single step, or so the saying goes.",
    "To be, or not to be: that is the question. Whether 'tis nobler in the mind to suffer.",
    "Caf\u00e9 society met at the caf\u00e9: na\u00efve questions, quick answers, lazy afternoons.",
]


def build_text(repeat):
    lines = []
    for i in range(repeat):
        for j, para in enumerate(PARAGRAPHS):
            if (i + j) % 3 != 2:
                lines.append(para)
    return "\n".join(lines)


def tokenize(text):
    words = []
    current = []
    for ch in text.lower():
        if ch.isalpha() or ch == "'":
            current.append(ch)
        else:
            if current:
                words.append("".join(current).strip("'"))
                current = []
    if current:
        words.append("".join(current).strip("'"))
    return [w for w in words if w]


def count(words):
    freq = {}
    for w in words:
        freq[w] = freq.get(w, 0) + 1
    return freq


def top(freq, n):
    return sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def bar_chart(pairs, width=30):
    longest = max(len(w) for w, _ in pairs)
    most = pairs[0][1]
    rows = []
    for word, n in pairs:
        bar = "#" * max(1, n * width // most)
        rows.append(f"{word:<{longest}} {n:>4} {bar}")
    return "\n".join(rows)


text = build_text(7)
words = tokenize(text)
freq = count(words)
print("characters:", len(text))
print("lines:", len(text.splitlines()))
print("words:", len(words))
print("distinct:", len(freq))
print(bar_chart(top(freq, 12)))
by_len = {}
for w in freq:
    by_len.setdefault(len(w), []).append(w)
for length in sorted(by_len)[-3:]:
    print(length, sorted(by_len[length]))
print("hapax:", sorted(w for w, n in freq.items() if n == min(freq.values()))[:10])
initials = {}
for w in words:
    initials[w[0]] = initials.get(w[0], 0) + 1
print("initials:", "".join(sorted(initials, key=lambda c: (-initials[c], c)))[:10])
print("non-ascii words:", sorted(w for w in freq if not w.isascii()))
longest_line = max(text.splitlines(), key=len)
print("longest line:", len(longest_line), longest_line[:30] + "...")
bigrams = count(a + " " + b for a, b in zip(words, words[1:]))
print("top bigrams:", top(bigrams, 5))
