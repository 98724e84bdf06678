# A user-raised NameError has no name: no suggestion.
prnt = None
raise NameError("custom")
