"""When series of tasks fall due: return visits after a delivery, outreach before key dates.

A series is materialised as: the latest occurrence already due (if still worth doing) and the next one
to come. Everything is computed from durable facts and `now`, so that any instance, at any time, after
any downtime, computes the same tasks with the same keys.
"""
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

BUSINESS_TZ = ZoneInfo("Asia/Shanghai")
MORNING = time(9, 0)
MAX_YEARS = 200


@dataclass(frozen=True)
class Occurrence:
    key: str
    nominal_due: datetime
    details: dict


def business_day(instant):
    return instant.astimezone(BUSINESS_TZ).date()


def morning_of(day):
    """09:00 in the department's time zone, as an aware instant."""
    return datetime.combine(day, MORNING, tzinfo=BUSINESS_TZ)


def same_day_in(year, original):
    """The date's anniversary in `year`; 29 February falls on 28 February in common years."""
    try:
        return original.replace(year=year)
    except ValueError:
        return date(year, 2, 28)


def return_visit_occurrences(delivered_at, policy):
    """Fixed offsets after the delivery, then every year after it (once past the last fixed offset)."""
    for offset in policy.return_visit_offsets:
        yield Occurrence(f"{offset.days}d", delivered_at + offset, {"offset_days": offset.days})
    if not policy.return_visit_yearly:
        return
    last_fixed = delivered_at + max(policy.return_visit_offsets, default=timedelta(0))
    for years in range(1, MAX_YEARS):
        due = delivered_at + relativedelta(years=years)
        if due > last_fixed:
            yield Occurrence(f"{years}y", due, {"years_after_delivery": years})


def outreach_occurrences(occasion_kind, original, leads, first_year):
    """For each year from `first_year`: one occurrence per lead (days before), earliest first."""
    for year in range(first_year, first_year + MAX_YEARS):
        occasion = same_day_in(year, original)
        for lead in sorted(leads, reverse=True):
            yield Occurrence(f"{occasion_kind}:{occasion.isoformat()}:{lead}",
                             morning_of(occasion - timedelta(days=lead)),
                             {"occasion_kind": occasion_kind, "occasion_date": occasion.isoformat(),
                              "original_date": original.isoformat(),
                              "lead_days": lead, "years": year - original.year})


def due_now_and_next(occurrences, now, still_worth=lambda occurrence: True):
    """The latest occurrence whose time has come (if still worth doing) and the next one to come."""
    latest = None
    for occurrence in occurrences:
        if occurrence.nominal_due > now:
            chosen = [latest] if latest is not None and still_worth(latest) else []
            return chosen + [occurrence], occurrence.nominal_due
        latest = occurrence
    return ([latest] if latest is not None and still_worth(latest) else []), None


def outreach_plan(key_dates, now, policy):
    """(occurrences to exist now, when to look again) for a customer's key dates."""
    leads = {"wedding_anniversary": policy.anniversary_leads, "birthday": policy.birthday_leads}
    today = business_day(now)
    wanted, next_check = [], None
    for key_date in key_dates:
        kind_leads = leads.get(key_date["kind"]) or ()
        original = _as_date(key_date["date"])
        if not kind_leads or original > today:
            continue
        first_year = max(today.year - 1, original.year + 1)
        series = outreach_occurrences(key_date["kind"], original, kind_leads, first_year)
        chosen, upcoming = due_now_and_next(
            series, now, still_worth=lambda o: date.fromisoformat(o.details["occasion_date"]) >= today)
        wanted += chosen
        next_check = min(filter(None, (next_check, upcoming)), default=None)
    return wanted, next_check


def return_visit_plan(delivered_at, now, policy):
    return due_now_and_next(return_visit_occurrences(delivered_at, policy), now)


def outreach_due_at(nominal_due, known_at):
    """Due at its time; one already inside its window when the date became known is due at once."""
    return max(nominal_due, known_at)


def suggest_offer(holdings, occasion_kind, years):
    """The lead product, sized from what the customer already owns."""
    carats = [Decimal(str(h["carat"])) for h in holdings if h.get("carat") not in (None, "")]
    carat = (max(carats) + Decimal("0.5")) if carats else Decimal("1.0")
    occasion = f"结婚{years}周年" if occasion_kind == "wedding_anniversary" else "生日"
    pieces = "、".join(dict.fromkeys(h["piece"] for h in holdings if h.get("piece")))
    owned = f"；已有：{pieces}" if pieces else ""
    return f"{occasion}：推荐{carat.normalize():f}克拉结婚周年纪念钻{owned}"


def _as_date(value):
    return value if isinstance(value, date) else date.fromisoformat(value)
