"""Runs a seed document's snippet unchanged and hands back what it printed.

The snippet's text is executed as the program `__main__` with `print`
captured, so a test can check only the facts that hold on any machine
(results, bounds, the set of lines) and never print a timing.
"""


def run(source):
    lines = []

    def capture(*args, sep=" ", end="\n", file=None, flush=False):
        lines.append(sep.join(str(a) for a in args))

    scope = {"__name__": "__main__", "print": capture}
    exec(compile(source, "<seed>", "exec"), scope)
    return lines, scope
