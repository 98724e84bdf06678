def f(x):
    match x:
        case [1, 2]:
            return 1
        case value:
            return 2
        case 3:
            return 3
