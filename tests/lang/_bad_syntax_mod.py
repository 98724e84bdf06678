# Helper for syntax_in_import.py: deliberately invalid.
def broken(:
    pass
