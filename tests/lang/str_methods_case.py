# Case conversions, including non-ASCII.
s = "hello World 123 \u00e9t\u00e9"
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase())
print("stra\u00dfe".upper(), "STRASSE".lower(), "stra\u00dfe".casefold(), "\u00df".upper())
print("\u0391\u0392\u0393".lower(), "\u03b1\u03b2\u03b3".upper())
print("they're bill's friends".title(), "hELLO wORLD".capitalize())
print("abc".upper().lower() == "abc", "MiXeD".swapcase())
print("\u0130".lower() == "i\u0307", len("\u0130".lower()))
