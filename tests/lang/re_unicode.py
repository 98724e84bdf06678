# re: str subjects beyond ASCII (positions are code points).
import re

s = "naïve café — 東京 2024年 ÉTÉ ß"
print(re.findall(r"\w+", s), [m.span() for m in re.finditer(r"\w+", s)])
print(re.search(r"東(.)", s).group(1), re.search(r"東(.)", s).span(), re.sub(r"\s+", "_", s))
print(re.findall(r"[à-ö]", s), re.findall(r"(?i)été", s), re.findall(r"(?i)ÉTÉ", "été"))
print(re.split(r"\W+", s), re.findall(r"\d+", "٣٤ and ४२ and 42"), re.findall(r"[^\x00-\x7f]+", s))
print(re.match(r".{4}", "😀a😀b"), re.findall(".", "😀é"), re.sub("😀", "x", "a😀b😀"))
print(re.findall(r"(?i)ǆ", "ǄǅǆDž"), re.findall(r"(?i)[α-ω]+", "ΑΒΓ δεζ"), re.findall(r"\bμ\w*", "μέλι και μέλισσα"))
print(re.search(r"\u00e9", "caf\u00e9"), re.search(r"\U0001F600", "x😀"), re.search("[\u4e00-\u9fff]+", s))
print(re.sub(r"(\w)(\w*)", lambda m: m.group(1).upper() + m.group(2), "élan vital ñu"))
print(re.findall(r"\s", "a\u00a0b\u3000c\u2028d"), re.findall(r"\S+", "a\u00a0b"))
big = "é" * 3000 + "x" + "é" * 10
print(re.search("x", big).span(), len(re.findall("é", big)), re.match("é*x", big).end())
