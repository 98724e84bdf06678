results = []
for x in ["1", "a", "3", None, "5"]:
    try:
        results.append(int(x))
    except ValueError:
        results.append("bad")
        continue
    except TypeError:
        results.append("none")
        break
    finally:
        results.append("f")
print(results)
i = 0
while True:
    try:
        i += 1
        if i < 3:
            continue
        break
    finally:
        print("finally", i)
