# json errors: JSONDecodeError attributes and wording, encoder TypeError/ValueError,
# and an uncaught JSONDecodeError ending the program.
import json

bad = ['{"a": 1,\n  "b": [1, 2,\n  ]}', "[1, 2] x", '{"k" "v"}', '"\\x41"', '["a\tb"]',
       "", "nul", "[-]", "{'single': 1}", '{"a": 1}}', "[1.5.2]", "\n\n  @"]
for doc in bad:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(e.msg, "|", e.pos, e.lineno, e.colno, "|", e)
        print(isinstance(e, ValueError), type(e).__name__, e.doc == doc)
print(json.loads('["a\tb"]', strict=False))
for obj in [{object(): 1}, set(), b"bytes", [1, {2, 3}]]:
    try:
        json.dumps(obj)
    except TypeError as e:
        print("TypeError:", e)
d = {}
d["self"] = d
try:
    json.dumps(d)
except ValueError as e:
    print("ValueError:", e)
for v in [float("nan"), [float("inf")], {"x": -float("inf")}]:
    try:
        json.dumps(v, allow_nan=False)
    except ValueError as e:
        print("ValueError:", e)
for v in [None, 3, [1]]:
    try:
        json.loads(v)
    except TypeError as e:
        print("TypeError:", e)
try:
    json.dumps([1], indent=2, default=None, separators=(",",))
except ValueError as e:
    print("ValueError:", e)
json.loads('{"config": [1, 2,, 3]}')
