class Config:
    debug = False
    options = {}
    def enable(self):
        self.debug = True
    def set(self, k, v):
        self.options[k] = v
a, b = Config(), Config()
a.enable()
a.set("x", 1)
print(a.debug, b.debug, Config.debug, b.options)
Config.debug = "class-level"
print(a.debug, b.debug)
