"""Analytics figures: periods, who sees what, ratios, and the report workbook."""
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from kam.errors import Forbidden, Invalid
from kam.identity import Actor
from services.analytics.domain.figures import Period, figures_scope, median_days, ratio, return_on_spend
from services.analytics.schemas import PeriodArgs, ReportArgs
from services.analytics.workbook import build_workbook, report_filename


def test_a_period_is_whole_utc_days_both_inclusive():
    period = Period.parse("2026-11-01", "2026-11-30")
    assert (period.start, period.end) == (date(2026, 11, 1), date(2026, 11, 30))
    assert period.end_instant == datetime(2026, 12, 1, tzinfo=UTC)
    assert Period.parse().as_dict() == {"from": None, "to": None}


def test_a_period_that_ends_before_it_starts_is_invalid():
    with pytest.raises(Invalid):
        Period.parse("2026-11-30", "2026-11-01")
    assert "to" in PeriodArgs().validate({"from": "2026-11-30", "to": "2026-11-01"})
    assert "format" in ReportArgs().validate({"format": "pdf"})
    assert "extra" in PeriodArgs().validate({"extra": "1"})


def test_developers_see_their_own_figures_managers_and_the_analyst_the_departments():
    assert figures_scope(Actor("dev-1", "developer")) == "dev-1"
    assert figures_scope(Actor("m-1", "manager")) is None
    assert figures_scope(Actor("a-1", "analyst")) is None
    for role in ("coordinator", "planner", "admin"):
        with pytest.raises(Forbidden):
            figures_scope(Actor("x", role))


def test_return_on_spend_is_revenue_over_expenses_and_null_without_expenses():
    assert return_on_spend(Decimal("12800.00"), Decimal("3200.00")) == Decimal("4.00")
    assert return_on_spend(Decimal("1000"), Decimal("3")) == Decimal("333.33")
    assert return_on_spend(Decimal("12800.00"), Decimal("0")) is None
    assert return_on_spend(None, None) is None


def test_conversion_is_null_when_the_previous_stage_is_empty():
    assert ratio(1, 3) == 0.3333 and ratio(0, 0) is None


def test_median_days_between_stages():
    assert median_days([timedelta(days=1), timedelta(days=2), timedelta(days=10)]) == 2.0
    assert median_days([timedelta(hours=12), timedelta(days=1)]) == 0.8
    assert median_days([]) is None


def sample_report():
    figures = {"customers": 3, "contacts": 5, "visits": 2, "callbacks": 2, "callbacks_on_time": 1,
               "receptions": 1, "deals": 1, "revenue": Decimal("12800.00"), "expenses": Decimal("3200.00"),
               "return_on_spend": Decimal("4.00")}
    group = {"customers": 2, "won_customers": 1, "conversion_to_won": 0.5, "deals": 1,
             "revenue": Decimal("12800.00"), "expenses": Decimal("3200.00"), "return_on_spend": Decimal("4.00")}
    return {"from": "2026-11-01", "to": "2026-11-30", "generated_at": datetime(2026, 12, 1, 8, tzinfo=UTC),
            "summary": figures,
            "funnel": [{"stage": "prospect", "label": "潜在客户", "customers": 3, "conversion": None,
                        "median_days_from_previous": None}],
            "developers": [{"developer_id": "dev-1", "display_name": "张敏", **figures}],
            "sources": [{"key": "friend", "label": "朋友", **group}],
            "categories": [{"key": "high_value", "label": "高值客户", **group}]}


def test_the_report_workbook_has_five_chinese_sheets_with_the_figures():
    book = load_workbook(BytesIO(build_workbook(sample_report())))
    assert book.sheetnames == ["概览", "漏斗", "开发人员", "来源渠道", "客户类别"]
    overview = {row[0]: row[1] for row in book["概览"].iter_rows(values_only=True) if row and row[0]}
    assert overview["成交金额（元）"] == 12800 and overview["投入产出比"] == 4
    developers = list(book["开发人员"].iter_rows(values_only=True))
    assert developers[0][0] == "开发人员" and developers[1][0] == "张敏" and developers[1][8] == 12800
    assert list(book["来源渠道"].iter_rows(values_only=True))[1][:3] == ("朋友", 2, 1)
    assert report_filename(sample_report()) == "开发情况总结报告_2026-11-01_2026-11-30.xlsx"
