# int.to_bytes and int.from_bytes.
print((255).to_bytes(2, "big"), (255).to_bytes(2, "little"), (0).to_bytes(1, "big"))
print((-1).to_bytes(2, "big", signed=True), (2 ** 70).to_bytes(9, "big"))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"", "big"))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
