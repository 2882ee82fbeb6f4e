"""The custom centre's money, worked out by the server: CNY to the fen, rounded half up."""
from decimal import ROUND_HALF_UP, Decimal

from kam.errors import Invalid

FEN = Decimal("0.01")


def cny(amount):
    return Decimal(amount).quantize(FEN, rounding=ROUND_HALF_UP)


def quoted(amount, deposit):
    """A quote and the deposit asked for it; the deposit never exceeds the quote."""
    amount, deposit = cny(amount), cny(deposit or 0)
    if deposit > amount:
        raise Invalid("the deposit exceeds the quote", errors={"deposit": [f"at most the quote {amount}"]})
    return amount, deposit


def deposit_paid(quote, asked, paid):
    """What the customer pays as the deposit: more than the quote is refused, less than asked is refused."""
    paid = cny(paid)
    if paid > quote:
        raise Invalid("the deposit exceeds the quote", errors={"amount": [f"at most the quote {quote}"]})
    if paid < asked:
        raise Invalid("the deposit is less than asked", errors={"amount": [f"at least the deposit asked {asked}"]})
    return paid


def commission_of(price, rate):
    """Commission = price × rate, to the fen (half up)."""
    return cny(Decimal(price) * Decimal(rate))


def settle_sale(price, rate):
    """(price, commission, payout): the seller is paid the price less the commission."""
    price = cny(price)
    commission = commission_of(price, rate)
    return price, commission, price - commission


def balance_due(quote, deposit):
    return cny(quote) - cny(deposit or 0)
