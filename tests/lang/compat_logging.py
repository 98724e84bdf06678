import logging, sys
logging.getLogger("quiet").warning("no handlers: %s", "last resort")
logging.getLogger("quiet").info("dropped")
logging.warning("root warning %d", 5)
logging.info("not shown")
log = logging.getLogger("app.db")
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("%(levelname)s|%(name)s|%(funcName)s|%(lineno)d|%(message)s"))
log.addHandler(h)
log.setLevel(logging.DEBUG)
def query():
    log.debug("select %s", "*")
    log.info("rows=%d", 3)
query()
print(log.getEffectiveLevel(), logging.getLogger("app").getEffectiveLevel(), log.parent.name, logging.getLevelName(25), logging.getLevelName("INFO"))
child = logging.getLogger("app.db.pool")
child.warning("child propagates")
child.propagate = False
child.error("no output at all? last resort not used since handler search stops")
fmt2 = logging.Formatter("{levelname:<8}{message}", style="{")
h.setFormatter(fmt2)
try:
    raise ValueError("bad value")
except ValueError:
    log.exception("failed")
class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 1
h.addFilter(OnlyOdd())
for i in range(4):
    log.info("n=%d", i)
adapter = logging.LoggerAdapter(log, {"user": "bob"})
h.filters.clear()
h.setFormatter(logging.Formatter("%(user)s: %(message)s"))
adapter.warning("adapted")
print(logging.getLogger("app.db") is log, logging.root.name, repr(log))
logging.disable(logging.ERROR)
log.error("disabled")
logging.disable(logging.NOTSET)
log.critical("back")
