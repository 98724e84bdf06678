class Boom(Exception):
    pass
raise Boom("multiple", 2, None)
