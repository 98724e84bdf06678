# NameError inside exec'd code: the suggestion searches exec's globals.
exec("abcdefgh = 1\nprint(abcdefgj)")
