from datetime import UTC, datetime
from decimal import Decimal

import pytest

from kam.errors import Conflict, Invalid, InvalidTransition
from kam.identity import Actor
from services.customers.domain.access import CUSTOMERS, ensure_may_change, sees_sensitive
from services.customers.domain.classification import category_after_scoring, parse_rules, score_customer
from services.customers.domain.customer import erased_values, further_stage, new_customer
from services.customers.domain.development import PLAN, assess, ensure_worth_developing, move_plan
from services.customers.domain.first_contact import render, salutation
from services.customers.domain.search import lookup_plan, name_tokens
from services.customers.domain.spreadsheet import column_map, row_payload
from services.customers.domain.timeline import source_of, summarize
from services.customers.models import customers
from services.customers.rules import load_rules

NOW = datetime(2026, 11, 27, tzinfo=UTC)


def customer(**overrides):
    row = new_customer(id="c1", data={"name": "王丽"}, owner_id="u1", now=NOW)
    row.update(overrides)
    return row


def test_a_new_customer_starts_as_a_prospect_owned_by_its_registrar():
    row = new_customer(id="c1", data={"name": "  王丽 "}, owner_id="u1", now=NOW)
    assert (row["name"], row["kind"], row["stage"], row["owner_id"]) == ("王丽", "person", "prospect", "u1")


def test_sensitive_data_only_with_consent_and_purpose():
    with pytest.raises(Invalid):
        new_customer(id="c", data={"name": "王丽", "sensitive": {"health": "高血压"}}, owner_id="u", now=NOW)
    with pytest.raises(Invalid):
        new_customer(id="c", data={"name": "王丽", "sensitive": {"health": "x"}, "consent": {"sensitive": True}},
                     owner_id="u", now=NOW)
    new_customer(id="c", data={"name": "王丽", "sensitive": {"health": "x"},
                               "consent": {"sensitive": True, "purpose": "定制推荐"}}, owner_id="u", now=NOW)


def test_stage_is_the_furthest_step_reached_never_back_and_may_skip():
    assert further_stage("prospect", "received") == "received"
    assert further_stage("won", "contacted") is None
    assert further_stage("visited", "visited") is None


def test_potential_is_decided_by_the_rules_with_score_and_reasons():
    rules = load_rules()
    rich = customer(profile={"holdings": [{"piece": "钻戒", "carat": "1.2", "amount": "150000"}]},
                    key_dates=[{"kind": "wedding_anniversary", "date": "2012-12-20"}])
    scored = score_customer(rules, rich)
    assert scored.potential and scored.score == 70 and len(scored.reasons) == 3
    assert category_after_scoring("potential", score_customer(rules, customer())) is None
    assert category_after_scoring("important", score_customer(rules, customer())) == "important"


def test_classification_rules_change_without_code_and_their_hash_follows():
    document = {"threshold": 10, "rules": [{"id": "r", "fact": "kind", "op": "eq", "value": "organization",
                                            "weight": 10, "reason": "机构客户"}]}
    rules = parse_rules(document)
    assert score_customer(rules, customer(kind="organization")).potential
    assert parse_rules({**document, "threshold": 20}).hash != rules.hash
    with pytest.raises(Invalid):
        parse_rules({"threshold": 1, "rules": [{"id": "x", "fact": "zodiac", "op": "eq", "weight": 1, "reason": "?"}]})


def test_a_referral_from_an_important_customer_counts():
    scored = score_customer(load_rules(), customer(), referrer={"category": "strategic"})
    assert any("介绍" in reason for reason in scored.reasons)


def test_worth_developing_when_risk_adjusted_profit_exceeds_costs():
    figures = assess(Decimal(200000), Decimal(60000), {"staff": 5000, "travel": 2000, "pr": 3000}, Decimal("0.5"))
    assert figures["total_cost"] == Decimal("10000.00") and figures["risk_adjusted_profit"] == Decimal("30000.00")
    assert figures["worth_developing"]
    assert not assess(1000, 500, {"staff": 800}, Decimal("0.2"))["worth_developing"]


def test_no_plan_submitted_without_an_assessment_worth_developing():
    with pytest.raises(Conflict) as missing:
        ensure_worth_developing(None)
    assert missing.value.error_code == "assessment_required"
    with pytest.raises(Conflict) as poor:
        ensure_worth_developing({"worth_developing": False})
    assert poor.value.error_code == "not_worth_developing"


def plan(status):
    return {"id": "p1", "customer_id": "c1", "developer_id": "u1", "budget": Decimal("2000.00"), "status": status,
            "reason": None}


def test_plans_move_only_through_their_transitions():
    assert move_plan(plan("draft"), "submit", "u1")[0]["status"] == "pending_approval"
    assert move_plan(plan("pending_approval"), "approve", "m")[0]["status"] == "approved"
    for status, action in (("approved", "approve"), ("draft", "approve"), ("rejected", "submit")):
        with pytest.raises(InvalidTransition):
            move_plan(plan(status), action, "m")


def test_a_plan_move_is_decided_with_its_event_and_tells_each_caller_what_they_may_do():
    values, fact = move_plan(plan("pending_approval"), "reject", "m", reason="预算偏高")
    assert values == {"status": "rejected", "reason": "预算偏高", "decided_by": "m"}
    assert fact.contract.event_type == "development_plan.rejected" and fact.data["decided_by"] == "m"
    owner, other, manager = Actor("u1", "developer"), Actor("u2", "developer"), Actor("m", "manager")
    assert PLAN.actions(owner, plan("draft")) == ["submit", "edit", "withdraw"] and PLAN.actions(other, plan("draft")) == []
    assert PLAN.actions(manager, plan("draft")) == ["submit"]
    assert PLAN.actions(manager, plan("pending_approval")) == ["approve", "reject"]
    assert PLAN.actions(owner, plan("pending_approval")) == [] and PLAN.actions(manager, plan("approved")) == []


def test_developers_own_their_customers_others_read_and_never_sensitive():
    owner, other, manager = Actor("u1", "developer"), Actor("u2", "developer"), Actor("m", "manager")
    analyst = Actor("a", "analyst")
    owned = {"owner_id": "u1"}
    CUSTOMERS.ensure(owner, owned)
    CUSTOMERS.ensure(analyst, owned)
    with pytest.raises(Exception) as hidden:
        CUSTOMERS.ensure(other, owned)
    assert hidden.value.error_code == "not_found"
    with pytest.raises(Exception) as forbidden:
        ensure_may_change(analyst, owned)
    assert forbidden.value.error_code == "forbidden"
    assert sees_sensitive(owner, owned) and sees_sensitive(manager, owned)
    assert not sees_sensitive(analyst, owned) and not sees_sensitive(other, owned)
    assert str(CUSTOMERS.where(owner, customers).compile(compile_kwargs={"literal_binds": True})) == \
        "customers.owner_id = 'u1'"
    assert str(CUSTOMERS.where(manager, customers).compile()) == "true"


def test_search_finds_two_character_names_and_pinyin_initials_by_token():
    tokens = name_tokens("王丽华")
    assert {"王", "王丽", "丽华", "wlh", "wanglihua"} <= tokens
    assert lookup_plan("王丽") == [("tokens", "王丽")]
    assert lookup_plan("欧阳娜娜") == [("name", "欧阳娜娜")]  # no WeChat id holds Chinese: no scan of them
    assert lookup_plan("wl") == [("tokens", "wl")]
    assert lookup_plan("wx_lily") == [("name", "wx_lily"), ("contact", "wx_lily")]


def test_a_phone_is_found_by_its_last_digits_through_the_reversed_number():
    assert lookup_plan("5678") == [("tail", "8765")]
    assert lookup_plan("138-1234-5678") == [("tail", "87654321831"), ("contact", "13812345678")]
    assert lookup_plan("12") == [("tokens", "12")]


def test_first_contact_opens_neutrally_asks_no_purchase_and_ends_with_the_developers_details():
    row = customer(profile={"hobbies": ["高尔夫"]})
    for channel in ("sms", "wechat", "phone", "email"):
        for language in ("zh-CN", "en"):
            text = render(row, {"name": "李华", "phone": "13900001111"}, channel, language, 11)["text"]
            assert "13900001111" in text.rstrip().splitlines()[-1]
            assert "购买" not in text.split("注意")[0] and "buy" not in text.lower()
    assert "高尔夫" in render(row, {"name": "李华"}, "phone", "zh-CN", 11)["text"]


def test_a_compound_surname_is_greeted_whole():
    for name, greeted in (("司徒静", "司徒先生/女士"), ("欧阳娜娜", "欧阳先生/女士"), ("上官婉儿", "上官先生/女士"),
                          ("诸葛明月", "诸葛先生/女士"), ("令狐冲", "令狐先生/女士"), ("王丽", "王先生/女士"),
                          ("司马", "司先生/女士")):  # two characters: a single surname and a given name
        assert salutation(customer(name=name), "zh-CN") == greeted
        assert greeted in render(customer(name=name), {"name": "李华"}, "sms", "zh-CN", 11)["text"]


def test_erasure_keeps_only_anonymous_figures():
    values = erased_values(NOW)
    assert values["name"] == "已删除客户" and values["phone"] is None and values["sensitive_sealed"] is None
    assert "category" not in values and "stage" not in values


def test_spreadsheet_headers_in_chinese_with_english_aliases():
    columns = column_map(["姓名", "phone", "类别", "结婚纪念日", "爱好"])
    payload = row_payload(columns, ["王丽", 13812345678, "高值客户", datetime(2012, 12, 20), "旅行，高尔夫"])
    assert payload["name"] == "王丽" and payload["phone"] == "13812345678" and payload["category"] == "high_value"
    assert payload["key_dates"] == [{"kind": "wedding_anniversary", "date": "2012-12-20"}]
    assert payload["profile"]["hobbies"] == ["旅行", "高尔夫"]


def test_timeline_summaries_are_chinese_and_name_the_source():
    assert summarize("deal.closed", {"total": "128000.00"}) == "成交，金额 128000.00 元"
    assert source_of("visit.completed", {"visit_id": "v1", "customer_id": "c"}) == {"type": "visit", "id": "v1"}
    assert source_of("development_plan.approved", {"plan_id": "p"}) == {"type": "development_plan", "id": "p"}


def test_the_rules_file_is_parsed_once_and_again_only_after_it_changes(tmp_path, monkeypatch):
    import os

    from services.customers import rules as rules_module

    path = tmp_path / "rules.yaml"
    path.write_text(rules_module.DEFAULT_RULES.read_text(encoding="utf-8"), encoding="utf-8")
    parsed = []
    monkeypatch.setattr(rules_module, "load_rules", lambda p=None: parsed.append(p) or len(parsed))
    current = rules_module.CurrentRules(path)
    assert current.get() == current.get() == 1
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert current.get() == 2 and len(parsed) == 2
