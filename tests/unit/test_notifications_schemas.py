"""Payload rules of the notifications API."""
import pytest
from marshmallow import ValidationError

from services.notifications.contracts import APPROVAL_EVENTS
from services.notifications.schemas import CompleteTaskIn, PreferencesIn, SnoozeTaskIn


def test_email_channel_needs_an_address():
    with pytest.raises(ValidationError) as error:
        PreferencesIn().load({"channels": ["in_app", "email"]})
    assert "email" in error.value.messages
    assert PreferencesIn().load({"channels": ["email"], "email": "lihua@example.com"})["digest"] is True


def test_unknown_and_server_owned_fields_are_refused():
    with pytest.raises(ValidationError) as error:
        CompleteTaskIn().load({"outcome": "已回访", "status": "done"})
    assert "status" in error.value.messages


def test_snooze_needs_a_time_with_a_zone():
    with pytest.raises(ValidationError):
        SnoozeTaskIn().load({"until": "2026-05-20T09:00:00"})


def test_every_submission_and_decision_is_read():
    types = {contract.event_type for contract in APPROVAL_EVENTS}
    assert {"visit.submitted", "expense_claim.approved", "reception.rejected", "development_plan.submitted"} <= types
