"""The review of a reception's report (接待报告的审查): a manager other than its host accepts it or returns
it with a comment; a returned report is revised by its host and reviewed again. Each version is kept."""
from kam.errors import Conflict, Invalid, InvalidTransition
from kam.workflow import Step, Workflow
from services.reception.terms import REVIEW_DECISIONS, WRITER_ROLES

APPROVERS = ("manager",)


def _another_manager(actor, record):
    return actor.role in APPROVERS and record.get("host_id") != actor.user_id


def _its_developer(actor, record):
    return actor.role in WRITER_ROLES and actor.user_id in (record.get("host_id"), record.get("customer_owner_id"))


REVIEW = Workflow(
    Step("review", "pending", REVIEW_DECISIONS, by=_another_manager),
    Step("revise", "returned", "pending", by=_its_developer),
    field="review_status",
)


def _iso(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def with_version(versions, report, by, now):
    """The report as it now is becomes the current version; the last one is kept once it was reviewed."""
    versions = list(versions or [])
    if versions and versions[-1].get("review") is None:
        versions.pop()
    versions.append({"version": len(versions) + 1, "at": _iso(now), "by": by, **report, "review": None})
    return versions


def review_of(record):
    if record.get("review_status") is None:
        return None
    return {"status": record["review_status"], "comment": record.get("review_comment"),
            "by": record.get("reviewed_by"), "at": record.get("reviewed_at")}


def decide(record, actor, decision, comment, now):
    """The review's changes: on a reported reception only, never by its own host, a return says why."""
    if record["status"] != "reported" or record.get("review_status") is None:
        raise InvalidTransition(f"cannot review a record that is {record['status']}")
    if record.get("host_id") == actor.user_id:
        raise Conflict("a manager may not review their own reception", code="own_submission")
    REVIEW.target(record["review_status"], "review")
    comment = (comment or "").strip() or None
    if decision == "returned" and comment is None:
        raise Invalid("a returned report says what to revise", errors={"comment": ["required when returned"]})
    versions = list(record.get("versions") or [])
    if versions:
        versions[-1] = {**versions[-1], "review": {"status": decision, "comment": comment, "by": actor.user_id,
                                                   "at": _iso(now)}}
    return {"review_status": decision, "review_comment": comment, "reviewed_by": actor.user_id, "reviewed_at": now,
            "versions": versions}


def revise(record, changes, by, now):
    """A returned report revised: the fields sent replace the report's, and it waits for review again."""
    REVIEW.target(record.get("review_status"), "revise")
    if not changes:
        raise Invalid("a revision changes something", errors={"_schema": ["nothing to revise"]})
    report = {**record["report"], **changes}
    return {"report": report, "review_status": "pending", "review_comment": None, "reviewed_by": None,
            "reviewed_at": None, "versions": with_version(record.get("versions"), report, by, now)}
