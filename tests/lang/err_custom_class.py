# A user-defined exception class, uncaught.
class InsufficientFunds(Exception):
    pass
balance = 10
def withdraw(amount):
    if amount > balance:
        raise InsufficientFunds(f"cannot withdraw {amount}, balance is {balance}")
    return balance - amount
print(withdraw(5))
withdraw(50)
