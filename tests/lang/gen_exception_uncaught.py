def producer():
    yield "a"
    yield {}["missing"]
for item in producer():
    print(item)
