class AppError(Exception):
    code = 1
class NetError(AppError):
    code = 2
class Timeout(NetError):
    code = 3
    def __init__(self, seconds):
        super().__init__(f"timed out after {seconds}s")
        self.seconds = seconds
for exc in (AppError("a"), NetError("n"), Timeout(5)):
    try:
        raise exc
    except Timeout as e:
        print("timeout", e, e.seconds, e.code)
    except NetError as e:
        print("net", e, e.code)
    except AppError as e:
        print("app", e, e.code)
print([c.__name__ for c in Timeout.__mro__])
