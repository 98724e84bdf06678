# The = specifier (self-documenting expressions).
x = 10
name = "conch"
print(f"{x=}")
print(f"{x = }")
print(f"{x*2=}")
print(f"{name=}")
print(f"{name=!s}")
print(f"{x=:>5}")
print(f"{x + 1 = :08.3f}")
print(f"{len(name)=} and {name.upper()=}")
