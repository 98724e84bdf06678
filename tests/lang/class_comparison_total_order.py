class Card:
    RANKS = "23456789TJQKA"
    def __init__(self, s):
        self.rank, self.suit = s[0], s[1]
    def key(self):
        return (Card.RANKS.index(self.rank), self.suit)
    def __lt__(self, o):
        return self.key() < o.key()
    def __eq__(self, o):
        return self.key() == o.key()
    def __repr__(self):
        return self.rank + self.suit
hand = [Card(c) for c in "KH 2S TD AC 2H".split()]
print(sorted(hand), min(hand), max(hand))
print(Card("AS") > Card("KS"), Card("2S") <= Card("2S") if hasattr(Card, "__le__") and Card.__le__ is not object.__le__ else "no le")
try:
    Card("AS") <= Card("KS")
except TypeError as e:
    print(e)
