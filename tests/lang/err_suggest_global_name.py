# NameError at module level: the closest global name.
counter_total = 5
print(counter_totl)
