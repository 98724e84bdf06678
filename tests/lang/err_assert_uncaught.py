# An uncaught assertion with a message.
value = 3
print("checking")
assert value > 10, f"bad value {value}"
print("unreachable")
