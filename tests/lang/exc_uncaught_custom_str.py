class HttpError(Exception):
    def __init__(self, status):
        super().__init__(status)
        self.status = status
    def __str__(self):
        return "HTTP %d" % self.status
raise HttpError(404)
