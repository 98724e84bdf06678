# int() and float() accept any Unicode decimal digits and Unicode whitespace.
print(int("\u0661\u0662\u0663"))      # Arabic-Indic digits
print(int("\uff11\uff10"))            # fullwidth digits
print(int("\u00a012\u2003"))          # no-break space and em space around
print(float("\u0663.\u0661\u0664"))
