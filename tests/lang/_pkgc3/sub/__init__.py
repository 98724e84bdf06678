from ..util import double as _d
NAME = "sub"
