print("start")
from _c3_mod import Shape, does_not_exist
