# An uncaught exception whose message is not ASCII.
print("caf\u00e9")
raise ValueError("caf\u00e9 \u4e2d\u6587 \U0001F600")
