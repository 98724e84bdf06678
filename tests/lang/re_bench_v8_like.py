# re: a regex_v8-style workload (the kind of regexes a browser benchmark runs
# over user agents, URLs, cookies and markup), small enough for a test; it is
# also the program timed with callgrind for the re note.  Prints a checksum.
#
# Callgrind, instructions for run(300) minus a run(0) of the same program (so
# start-up cancels), 2026-11-22, gil RelWithDebInfo build: conch 215.6 M,
# /usr/bin/python3 (3.11.2) 97.8 M -- conch 2.2x.  About a quarter of conch's
# is the engine (re_match.cc); most of the rest is re.py's Python layer
# (Match objects, argument plumbing), the next thing to move to C++.
import re

UA = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.5993.88 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/118.0",
    "Opera/9.80 (Windows NT 6.1; U; en) Presto/2.10.289 Version/12.02",
]
URLS = [
    "http://www.example.com:8080/path/to/page.html?query=string&foo=bar#frag",
    "https://sub.domain.org/a/b/c?x=1&y=2&z=%20space",
    "ftp://files.example.net/pub/file.tar.gz",
    "/relative/path?only=query",
]
COOKIES = "session=abc123; theme=dark; lang=en-US; tracking=XYZ-987-QWE; seen=1"
HTML = ('<div class="item big" id="n%d"><a href="/x/%d.html">Item %d</a>'
        '<span style="color: red">&amp; more &lt;text&gt;</span></div>')

re_version = re.compile(r"(?:Chrome|Firefox|Version)/(\d+)\.(\d+)(?:\.(\d+))?")
re_os = re.compile(r"\((?:Windows NT ([\d.]+)|Macintosh; Intel Mac OS X ([\d_]+)|X11; ([^;)]+))")
re_url = re.compile(r"^(?:(\w+):)?(?://([^/?#:]*)(?::(\d+))?)?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$")
re_param = re.compile(r"([^&=]+)=([^&]*)")
re_cookie = re.compile(r"\s*([^=;]+)=([^;]*)")
re_tag = re.compile(r"<(/?)(\w+)([^>]*)>")
re_attr = re.compile(r'(\w+)="([^"]*)"')
re_entity = re.compile(r"&(\w+);")
re_space = re.compile(r"\s+")
re_class = re.compile(r"(^|\s)big(\s|$)")
ENTITIES = {"amp": "&", "lt": "<", "gt": ">"}


def run(rounds):
    check = 0
    for r in range(rounds):
        for ua in UA:
            m = re_version.search(ua)
            if m:
                check += int(m.group(1)) + int(m.group(2)) + (int(m.group(3)) if m.group(3) else 0)
            o = re_os.search(ua)
            if o:
                check += len(o.group(o.lastindex))
            check += len(re_space.split(ua))
        for url in URLS:
            m = re_url.match(url)
            scheme, host, port, path, query, frag = m.groups()
            check += len(path) + (int(port) if port else 0) + len(host or "")
            if query:
                for k, v in re_param.findall(query):
                    check += len(k) * 3 + len(v)
        for k, v in re_cookie.findall(COOKIES):
            check += len(k) ^ len(v)
        html = HTML % (r, r, r)
        for closing, name, attrs in re_tag.findall(html):
            check += len(name) + len(closing)
            for a, v in re_attr.findall(attrs):
                check += len(a) + len(v)
                if a == "class" and re_class.search(v):
                    check += 7
        text = re_entity.sub(lambda m: ENTITIES.get(m.group(1), "?"), html)
        check += len(re.sub(r"<[^>]+>", "", text))
        check += len(re_space.sub(" ", COOKIES.replace(";", " ;  ")))
    return check


print(run(300))
