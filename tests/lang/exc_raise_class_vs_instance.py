try:
    raise ValueError
except ValueError as e:
    print(type(e).__name__, e.args)
try:
    raise 5
except TypeError as e:
    print(e)
try:
    raise object
except TypeError as e:
    print(e)
class NotExc:
    pass
try:
    raise NotExc()
except TypeError as e:
    print(e)
try:
    try:
        pass
    except 5:
        pass
    print("no exception, no check")
    try:
        1 / 0
    except 5:
        pass
except TypeError as e:
    print(e)
