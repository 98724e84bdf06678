from .util import double


class Engine:
    def __init__(self, power):
        self.power = power

    def boost(self):
        return double(self.power)
