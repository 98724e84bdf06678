# Program: a bank-account simulation with dicts, errors and a transaction log.


class BankError(Exception):
    pass


def open_account(bank, owner, deposit=0):
    number = "ACC%04d" % (len(bank["accounts"]) + 1)
    bank["accounts"][number] = {"owner": owner, "balance": 0, "history": []}
    if deposit:
        deposit_to(bank, number, deposit)
    return number


def account(bank, number):
    try:
        return bank["accounts"][number]
    except KeyError:
        raise BankError(f"no such account: {number}") from None


def deposit_to(bank, number, amount):
    if amount <= 0:
        raise BankError(f"invalid amount: {amount}")
    acc = account(bank, number)
    acc["balance"] += amount
    acc["history"].append(("deposit", amount))
    bank["log"].append((number, "+", amount))


def withdraw(bank, number, amount):
    acc = account(bank, number)
    if amount > acc["balance"]:
        raise BankError(f"insufficient funds in {number}: balance {acc['balance']}, requested {amount}")
    acc["balance"] -= amount
    acc["history"].append(("withdraw", amount))
    bank["log"].append((number, "-", amount))


def transfer(bank, src, dst, amount):
    withdraw(bank, src, amount)
    try:
        deposit_to(bank, dst, amount)
    except BankError:
        deposit_to(bank, src, amount)
        raise


def apply_interest(bank, rate_percent):
    for number, acc in bank["accounts"].items():
        interest = acc["balance"] * rate_percent // 100
        if interest:
            deposit_to(bank, number, interest)


def statement(bank, number):
    acc = account(bank, number)
    lines = [f"{number} ({acc['owner']})"]
    running = 0
    for kind, amount in acc["history"]:
        running += amount if kind == "deposit" else -amount
        lines.append(f"  {kind:<9}{amount:>8}{running:>10}")
    lines.append(f"  {'balance':<9}{acc['balance']:>18}")
    return "\n".join(lines)


bank = {"accounts": {}, "log": []}
alice = open_account(bank, "Alice", 1000)
bob = open_account(bank, "Bob", 250)
carol = open_account(bank, "Carol")
print(alice, bob, carol)
operations = [
    ("deposit", carol, 400),
    ("withdraw", bob, 300),
    ("transfer", alice, bob, 333),
    ("transfer", bob, "ACC9999", 50),
    ("deposit", alice, -5),
    ("withdraw", carol, 150),
    ("transfer", carol, alice, 250),
    ("transfer", carol, alice, 1),
]
for op in operations:
    kind, args = op[0], op[1:]
    try:
        if kind == "deposit":
            deposit_to(bank, *args)
        elif kind == "withdraw":
            withdraw(bank, *args)
        else:
            transfer(bank, *args)
        print("ok   ", kind, args)
    except BankError as e:
        print("error", kind, args, "->", e)
apply_interest(bank, 5)
for number in bank["accounts"]:
    print(statement(bank, number))
total = sum(acc["balance"] for acc in bank["accounts"].values())
deposits = sum(a for _, sign, a in bank["log"] if sign == "+")
withdrawals = sum(a for _, sign, a in bank["log"] if sign == "-")
print("total", total, "=", deposits - withdrawals, total == deposits - withdrawals)
richest = max(bank["accounts"].items(), key=lambda kv: kv[1]["balance"])
print("richest:", richest[0], richest[1]["owner"], richest[1]["balance"])
print("log entries:", len(bank["log"]), bank["log"][:3])
