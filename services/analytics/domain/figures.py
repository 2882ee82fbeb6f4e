"""Periods, scopes and the ratios the reports are made of."""
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from kam.errors import Invalid
from services.analytics.terms import DEPARTMENT_READERS, READERS

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Period:
    """[start, end] in whole UTC days, both inclusive; either end may be open."""

    start: date | None = None
    end: date | None = None

    @classmethod
    def parse(cls, start=None, end=None):
        period = cls(_date(start, "from"), _date(end, "to"))
        if period.start and period.end and period.start > period.end:
            raise Invalid("the period ends before it starts", errors={"to": ["must not be before from"]})
        return period

    @property
    def end_instant(self):
        """The first instant after the period (None: open)."""
        return datetime.combine(self.end + timedelta(days=1), time(), UTC) if self.end else None

    def as_dict(self):
        return {"from": self.start.isoformat() if self.start else None,
                "to": self.end.isoformat() if self.end else None}


def _date(value, name):
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise Invalid(f"{name} is not a date", errors={name: ["not a YYYY-MM-DD date"]}) from error


def figures_scope(actor):
    """Whose figures the caller may see: None for the whole department, else the developer's own id."""
    actor.require_role(*READERS)
    return None if actor.role in DEPARTMENT_READERS else actor.user_id


def money(value):
    return (Decimal(value) if value is not None else ZERO).quantize(CENT, ROUND_HALF_UP)


def money_ratio(numerator, denominator):
    """numerator / denominator to two places; None when the denominator is zero."""
    denominator = money(denominator)
    if denominator == 0:
        return None
    return (money(numerator) / denominator).quantize(CENT, ROUND_HALF_UP)


def return_on_spend(revenue, expenses):
    """Revenue per yuan of reimbursed spend (revenue / expenses); None when nothing was spent."""
    return money_ratio(revenue, expenses)


def ratio(part, whole):
    """part / whole to four places; None when the whole is zero."""
    return round(part / whole, 4) if whole else None


def median_days(durations):
    """The median of timedeltas in days, to one place; None when there is none."""
    if not durations:
        return None
    return round(median(d.total_seconds() for d in durations) / 86400, 1)


def as_utc(instant):
    """A stored instant as aware UTC (SQLite hands timestamps back naive)."""
    if instant is None:
        return None
    return instant.replace(tzinfo=UTC) if instant.tzinfo is None else instant.astimezone(UTC)
