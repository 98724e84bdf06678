# Converting a huge int to float.
big = 10 ** 400
print(len(str(big)))
f = float(big)
