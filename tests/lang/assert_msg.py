# assert, with and without messages (caught).
assert True
assert 1 == 1, "never shown"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError:", repr(str(e)), e.args)
try:
    assert False, "custom message"
except AssertionError as e:
    print("AssertionError:", e)
try:
    x = 3
    assert x > 5, f"x too small: {x}"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print("AssertionError:", e.args[0])
print("done")
