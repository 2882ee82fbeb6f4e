"""报告检查: a manager accepts a visit's record and summary or returns them with a comment; a returned
report is revised by its visitor and reviewed again. Each version of the report is kept."""
from kam.errors import Conflict, Invalid, InvalidTransition
from kam.workflow import Step, Workflow, owner
from services.visits.contracts import VisitReviewed, VisitRevised
from services.visits.terms import REVIEW_DECISIONS, REVIEWABLE_STATUSES

REVISABLE = ("place", "method", "talking_points", "customer_feedback", "next_steps", "next_visit_at")


def _another_manager(actor, visit):
    """Segregation of duties, as for approvals: a manager does not review their own visit."""
    return actor.role == "manager" and visit.get("visitor_id") != actor.user_id


REVIEW = Workflow(
    Step("review", "pending", REVIEW_DECISIONS, by=_another_manager),
    Step("revise", "returned", "pending", by=owner("visitor_id")),
    field="review_status",
)


def _iso(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def _report(visit):
    return {"occurred_at": _iso(visit["occurred_at"]), "place": visit.get("record_place"),
            "method": visit.get("record_method"), "talking_points": visit.get("talking_points"),
            "customer_feedback": visit.get("customer_feedback"), "next_steps": visit.get("next_steps"),
            "next_visit_at": _iso(visit.get("next_visit_at")), "summary": visit.get("summary")}


def with_version(visit, by, now):
    """The report as it now is becomes the current version: a new one once the last was reviewed, else
    the last one written again (the summary added to its record)."""
    versions = list(visit.get("versions") or [])
    if versions and versions[-1].get("review") is None:
        versions.pop()
    versions.append({"version": len(versions) + 1, "at": _iso(now), "by": by, **_report(visit), "review": None})
    return versions


def review_of(visit):
    if visit.get("review_status") is None:
        return None
    return {"status": visit["review_status"], "comment": visit.get("review_comment"),
            "by": visit.get("reviewed_by"), "at": visit.get("reviewed_at")}


def review_visit(visit, actor, decision, comment, now):
    """On a completed or summarized visit, by a manager other than its visitor; a return says why."""
    if visit["status"] not in REVIEWABLE_STATUSES or visit.get("review_status") is None:
        raise InvalidTransition(f"cannot review a record that is {visit['status']}")
    if visit.get("visitor_id") == actor.user_id:
        raise Conflict("a manager may not review their own visit", code="own_submission")
    REVIEW.target(visit["review_status"], "review")
    comment = (comment or "").strip() or None
    if decision == "returned" and comment is None:
        raise Invalid("a returned report says what to revise", errors={"comment": ["required when returned"]})
    versions = list(visit.get("versions") or [])
    if versions:
        versions[-1] = {**versions[-1], "review": {"status": decision, "comment": comment, "by": actor.user_id,
                                                   "at": _iso(now)}}
    return {"review_status": decision, "review_comment": comment, "reviewed_by": actor.user_id,
            "reviewed_at": now, "versions": versions, "updated_at": now}


def revise_visit(visit, changes, now):
    """A returned report is edited by its visitor and waits for review again; the visit happened when it
    happened (occurred_at stays), a summary is revised only once written."""
    REVIEW.target(visit.get("review_status"), "revise")
    if "summary" in changes and visit["status"] != "summarized":
        raise Invalid("the visit has no summary to revise yet", errors={"summary": ["write the summary first"]})
    if not changes:
        raise Invalid("a revision changes something", errors={"_schema": ["nothing to revise"]})
    next_visit_at = changes.get("next_visit_at", visit.get("next_visit_at"))
    if next_visit_at is not None and next_visit_at <= visit["occurred_at"]:
        raise Invalid("the next visit comes after this one", errors={"next_visit_at": ["must be after occurred_at"]})
    columns = {"place": "record_place", "method": "record_method"}
    revised = {columns.get(name, name): value for name, value in changes.items()}
    current = {**visit, **revised}
    return {**revised, "review_status": "pending", "review_comment": None, "reviewed_by": None, "reviewed_at": None,
            "versions": with_version(current, visit["visitor_id"], now), "updated_at": now}


def reviewed_event(visit):
    return VisitReviewed.of({"visit_id": visit["id"], "customer_id": visit["customer_id"],
                             "visitor_id": visit["visitor_id"], "occurred_at": visit.get("occurred_at"),
                             "decision": visit["review_status"],
                             "comment": visit.get("review_comment"), "reviewed_by": visit["reviewed_by"]})


def revised_event(visit):
    return VisitRevised.of({"visit_id": visit["id"], "customer_id": visit["customer_id"],
                            "visitor_id": visit["visitor_id"], "occurred_at": visit["occurred_at"],
                            "next_visit_at": visit.get("next_visit_at"), "revised_at": visit["updated_at"]})


def ensure_accepted(subject_type, subject):
    """A claim on a visit or a reception is approved only once its report was accepted (报告检查)."""
    if subject_type in ("visit", "reception") and (subject.get("review") or {}).get("status") != "accepted":
        raise Conflict(f"the {subject_type}'s report has not been accepted yet", code="review_required")
