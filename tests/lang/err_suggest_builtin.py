# A builtin constant misspelt: found among the builtins.
Tru
