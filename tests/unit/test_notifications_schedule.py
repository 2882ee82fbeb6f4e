"""When series of tasks fall due: return visits, anniversary outreach, 29 February, suggestions."""
from datetime import UTC, date, datetime, timedelta

from services.notifications.domain import Policy
from services.notifications.schedule import (
    morning_of,
    outreach_due_at,
    outreach_plan,
    return_visit_plan,
    same_day_in,
    suggest_offer,
)

POLICY = Policy()
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


def wedding(day):
    return [{"kind": "wedding_anniversary", "date": day.isoformat()}]


def test_29_february_falls_on_28_february_in_common_years():
    assert same_day_in(2027, date(2012, 2, 29)) == date(2027, 2, 28)
    assert same_day_in(2028, date(2012, 2, 29)) == date(2028, 2, 29)


def test_anniversary_outreach_is_due_60_and_30_days_before():
    wanted, next_check = outreach_plan(wedding(date(2010, 9, 1)), NOW, POLICY)
    [sixty] = wanted
    assert sixty.details["lead_days"] == 60
    assert sixty.nominal_due == morning_of(date(2026, 9, 1) - timedelta(days=60))
    assert next_check == sixty.nominal_due

    later, _ = outreach_plan(wedding(date(2010, 9, 1)), sixty.nominal_due, POLICY)
    assert [o.details["lead_days"] for o in later] == [60, 30]


def test_outreach_already_inside_the_window_when_known_is_due_at_once():
    wanted, _ = outreach_plan(wedding(date(2012, 4, 10)), NOW, POLICY)
    inside, upcoming = wanted
    assert inside.details["lead_days"] == 60 and inside.nominal_due < NOW
    assert outreach_due_at(inside.nominal_due, NOW) == NOW
    assert upcoming.details["lead_days"] == 30 and upcoming.nominal_due > NOW


def test_only_the_nearest_lead_is_made_when_both_are_already_past():
    wanted, _ = outreach_plan(wedding(date(2012, 3, 20)), NOW, POLICY)
    assert [o.details["lead_days"] for o in wanted] == [30, 60]
    assert wanted[1].details["occasion_date"] == "2027-03-20"


def test_a_past_anniversary_gets_no_outreach_and_the_next_year_is_planned():
    wanted, _ = outreach_plan(wedding(date(2012, 2, 20)), NOW, POLICY)
    assert [(o.details["occasion_date"], o.details["lead_days"]) for o in wanted] == [("2027-02-20", 60)]


def test_anniversary_outreach_rolls_forward_each_year():
    first, _ = outreach_plan(wedding(date(2012, 9, 1)), NOW, POLICY)
    next_year, _ = outreach_plan(wedding(date(2012, 9, 1)), datetime(2026, 9, 2, tzinfo=UTC), POLICY)
    assert first[0].details["occasion_date"] == "2026-09-01"
    assert next_year[0].details["occasion_date"] == "2027-09-01" and next_year[0].details["years"] == 15


def test_birthdays_get_outreach_only_when_configured():
    birthday = [{"kind": "birthday", "date": "1985-05-20"}]
    assert outreach_plan(birthday, NOW, POLICY) == ([], None)
    wanted, _ = outreach_plan(birthday, NOW, Policy(birthday_leads=(30,)))
    assert wanted[0].details == {"occasion_kind": "birthday", "occasion_date": "2026-05-20",
                                 "original_date": "1985-05-20", "lead_days": 30, "years": 41}


def test_return_visits_at_7_30_180_days_then_yearly():
    delivered = NOW
    offsets = []
    at = delivered
    for _ in range(6):
        wanted, next_check = return_visit_plan(delivered, at, POLICY)
        offsets.append(wanted[-1].key)
        at = next_check
    assert offsets == ["7d", "30d", "180d", "1y", "2y", "3y"]


def test_return_visit_offsets_are_configurable():
    wanted, _ = return_visit_plan(NOW, NOW, Policy(return_visit_offsets=(timedelta(days=3),), return_visit_yearly=False))
    assert [o.key for o in wanted] == ["3d"]
    assert return_visit_plan(NOW, NOW + timedelta(days=4), Policy(return_visit_offsets=(timedelta(days=3),),
                                                                  return_visit_yearly=False))[1] is None


def test_after_downtime_only_the_latest_missed_return_visit_is_made():
    wanted, _ = return_visit_plan(NOW, NOW + timedelta(days=400), POLICY)
    assert [o.key for o in wanted] == ["1y", "2y"]


def test_suggested_offer_is_drawn_from_holdings():
    offer = suggest_offer([{"piece": "钻戒", "carat": "0.8"}, {"piece": "项链", "carat": None}],
                          "wedding_anniversary", 10)
    assert offer == "结婚10周年：推荐1.3克拉结婚周年纪念钻；已有：钻戒、项链"
    assert "推荐1克拉" in suggest_offer([], "wedding_anniversary", 1)
