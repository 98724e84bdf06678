# re: a realistic program -- parse an access log and an app log, aggregate,
# redact and report, the way a quick ops script does.
import re
from collections import Counter, defaultdict

ACCESS = re.compile(
    r'(?P<ip>\d{1,3}(?:\.\d{1,3}){3}) - (?P<user>\S+) \[(?P<ts>[^\]]+)\] '
    r'"(?P<method>[A-Z]+) (?P<path>\S+) HTTP/(?P<ver>\d\.\d)" (?P<status>\d{3}) (?P<size>\d+|-)'
    r'(?: "(?P<ref>[^"]*)" "(?P<agent>[^"]*)")?$'
)
APP = re.compile(r"""
    ^(?P<date>\d{4}-\d\d-\d\d)[ T](?P<time>\d\d:\d\d:\d\d)(?:[.,](?P<ms>\d+))?\s+
    (?P<level>DEBUG|INFO|WARN(?:ING)?|ERROR|CRITICAL)\s+
    \[(?P<module>[\w.]+)\]\s+(?P<msg>.*)$
""", re.VERBOSE)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
DURATION = re.compile(r"(?i)took\s+(\d+(?:\.\d+)?)\s*(ms|s)\b")
KV = re.compile(r"(\w+)=(\"[^\"]*\"|\S+)")

access_lines = []
ips = ["10.0.0.%d" % i for i in range(1, 6)] + ["192.168.1.20", "172.16.4.7", "8.8.4.4"]
paths = ["/", "/index.html", "/api/v1/users/42", "/api/v1/users?id=7&x=1", "/static/app.js", "/login"]
agents = ["Mozilla/5.0 (X11; Linux x86_64)", "curl/8.1", "python-requests/2.31"]
statuses = [200, 200, 200, 304, 404, 500, 302]
for i in range(240):
    ip = ips[i * 7 % len(ips)]
    path = paths[i * 5 % len(paths)]
    status = statuses[i * 3 % len(statuses)]
    size = "-" if status == 304 else str(100 + i * 37 % 5000)
    method = "POST" if path == "/login" else "GET"
    tail = ' "https://example.org/ref%d" "%s"' % (i % 3, agents[i % 3]) if i % 4 else ""
    access_lines.append('%s - %s [10/Oct/2023:13:%02d:%02d +0000] "%s %s HTTP/1.1" %d %s%s'
                        % (ip, "-" if i % 5 else "alice", i // 60, i % 60, method, path, status, size, tail))
access_lines.append("garbage line that does not parse")
access_lines.append('1.2.3.4 - - [x] "GET / HTTP/1.1" 99 -')

app_lines = []
levels = ["INFO", "DEBUG", "WARNING", "ERROR", "INFO", "CRITICAL", "WARN"]
for i in range(150):
    lvl = levels[i % len(levels)]
    sep = "T" if i % 2 else " "
    ms = ".%03d" % (i * 13 % 1000) if i % 3 else ""
    mod = ["db.pool", "web", "auth.session", "jobs.worker"][i % 4]
    if i % 6 == 0:
        msg = "request id=%d user=\"bob smith\" took %d ms" % (i, i * 3)
    elif i % 6 == 1:
        msg = "mail sent to user%d@example.com and admin@corp.example.org" % i
    elif i % 6 == 2:
        msg = "query took %.1f s rows=%d" % (i / 10, i * 2)
    elif i % 6 == 3:
        msg = "Timeout after 30s contacting host-%d.internal" % i
    else:
        msg = "ok path=/api/v1/items/%d status=%s" % (i, "fine" if i % 2 else "slow")
    app_lines.append("2023-10-%02d%s12:%02d:%02d%s %s [%s] %s" % (1 + i % 28, sep, i % 60, (i * 7) % 60, ms, lvl, mod, msg))

by_status = Counter()
bytes_by_ip = defaultdict(int)
methods = Counter()
bad = 0
agents_seen = Counter()
for line in access_lines:
    m = ACCESS.match(line)
    if not m:
        bad += 1
        continue
    by_status[m["status"]] += 1
    methods[m.group("method")] += 1
    if m["size"] != "-":
        bytes_by_ip[m["ip"]] += int(m["size"])
    if m.group("agent"):
        agents_seen[re.sub(r"/[\d.]+.*", "", m.group("agent"))] += 1
print("unparsed:", bad)
print("status:", sorted(by_status.items()))
print("methods:", sorted(methods.items()))
print("bytes:", sorted(bytes_by_ip.items()))
print("agents:", sorted(agents_seen.items()))
api = [m.group("path") for m in map(ACCESS.match, access_lines) if m and re.match(r"/api/v\d+/", m["path"])]
print("api paths:", len(api), sorted(set(re.sub(r"\d+", "N", p.split("?")[0]) for p in api)))

levels_seen = Counter()
durations_ms = []
emails = set()
modules = Counter()
for line in app_lines:
    m = APP.match(line)
    if m is None:
        print("no match:", line)
        continue
    lvl = re.sub(r"^WARN$", "WARNING", m["level"])
    levels_seen[lvl] += 1
    modules[m["module"].split(".")[0]] += 1
    for value, unit in DURATION.findall(m["msg"]):
        durations_ms.append(float(value) * (1000 if unit.lower() == "s" else 1))
    emails.update(EMAIL.findall(m["msg"]))
print("levels:", sorted(levels_seen.items()))
print("modules:", sorted(modules.items()))
print("durations: n=%d total=%.1f max=%.1f" % (len(durations_ms), sum(durations_ms), max(durations_ms)))
print("emails:", len(emails), sorted(emails)[:4])
kv = [dict((k, v.strip('"')) for k, v in KV.findall(APP.match(l)["msg"])) for l in app_lines[:13:6]]
print("kv:", kv)

redacted = [EMAIL.sub(lambda m: m.group()[0] + "***@" + m.group().split("@")[1], l) for l in app_lines[1:20:6]]
for r in redacted:
    print(r)
times = [tuple(int(x) for x in re.split(r"[:.]", APP.match(l)["time"])) for l in app_lines[:5]]
print(times)
hosts = Counter(re.findall(r"host-(\d+)\.internal", "\n".join(app_lines)))
print(len(hosts), sum(hosts.values()))
errors = [l for l in app_lines if re.search(r"\b(?:ERROR|CRITICAL)\b", l)]
print(len(errors), errors[0])
summary = re.sub(r"\s{2,}", " ", "  %d   lines,   %d errors  " % (len(app_lines), len(errors))).strip()
print(summary)
