cases = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (KeyError, LookupError), (IndexError, LookupError), (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError), (UnboundLocalError, NameError),
    (FileNotFoundError, OSError), (KeyboardInterrupt, BaseException),
    (SystemExit, BaseException), (StopIteration, Exception), (AssertionError, Exception),
    (UnicodeDecodeError, ValueError), (ModuleNotFoundError, ImportError),
    (IOError, OSError), (EnvironmentError, OSError),
]
for sub, base in cases:
    print(sub.__name__, base.__name__, issubclass(sub, base))
print(issubclass(KeyboardInterrupt, Exception), issubclass(GeneratorExit, Exception))
print([k.__name__ for k in ZeroDivisionError.__mro__])
print(IOError is OSError)
