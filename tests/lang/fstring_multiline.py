# Triple-quoted f-strings may span lines, including inside replacement fields.
name = "conch"
items = [1, 2, 3]
text = f"""Report for {name}:
  items: {len(items)}
  total: {sum(
      items
  )}
  mean: {sum(items) / len(items):.2f}"""
print(text)
print(f'''{name!r:>10}''')
