"""HTTP routes of the events service; mounted by the gateway, they parse, call RPC and dump."""
from kam.web import Blueprint, rpc
from services.events.schemas import (
    ApproveIn,
    EventFilter,
    EventIn,
    EventOut,
    EventPage,
    EventPatch,
    InvitationFilter,
    InvitationOut,
    InvitationPage,
    InviteIn,
    InviteResult,
    ReasonIn,
    ReportIn,
    RsvpIn,
)

blp = Blueprint("events", __name__, url_prefix="/api", replies_dumped=True,
                description="大客户活动与俱乐部 Events and club")


def invitation_link(action, pointer):
    """An OpenAPI link: the invitation id in this response (at JSON `pointer`) is what /invitations/{id}/`action` takes."""
    return {"operationRef": f"#/paths/~1api~1invitations~1{{invitation_id}}~1{action}/post",
            "parameters": {"invitation_id": f"$response.body#{pointer}"}}


def service():
    return rpc("events")


@blp.route("/events", methods=["POST"])
@blp.arguments(EventIn)
@blp.response(201, EventOut)
def create_event(data):
    """Plan an event (planners and managers); it starts as `draft`.

    Example: `{"title": "春季新品品鉴会", "kind": "appraisal_salon", "starts_at": "2026-05-20T06:00:00+00:00",
    "ends_at": "2026-05-20T09:00:00+00:00", "venue": "总部三楼品鉴厅", "capacity": 30, "budget": "30000.00",
    "description": "1克拉以上钻石与彩宝新品"}`
    """
    return service().create_event(data)


@blp.route("/events", methods=["GET"])
@blp.arguments(EventFilter, location="query")
@blp.response(200, EventPage)
def list_events(args):
    """The calendar: `month=2026-05` gives that month's events in the order they happen."""
    return service().list_events(args)


@blp.route("/events/<event_id>", methods=["GET"])
@blp.response(200, EventOut)
def get_event(event_id):
    return service().get_event(event_id)


@blp.route("/events/<event_id>", methods=["PATCH"])
@blp.arguments(EventPatch)
@blp.response(200, EventOut)
def edit_event(changes, event_id):
    """Its planner changes a draft (only the fields sent); once submitted: 409 `not_a_draft`."""
    return service().edit_event(event_id, changes)


@blp.route("/events/<event_id>/withdraw", methods=["POST"])
@blp.response(200, EventOut)
def withdraw_event(event_id):
    """Its planner withdraws a draft (`withdrawn`, kept on file; a submitted event is cancelled instead)."""
    return service().withdraw_event(event_id)


@blp.route("/events/<event_id>/redraft", methods=["POST"])
@blp.response(200, EventOut)
def redraft_event(event_id):
    """Its planner takes a rejected event back as a draft, to revise (PATCH) and submit again."""
    return service().redraft_event(event_id)


@blp.route("/events/<event_id>/submit", methods=["POST"])
@blp.response(200, EventOut)
def submit_event(event_id):
    return service().submit_event(event_id)


@blp.route("/events/<event_id>/approve", methods=["POST"])
@blp.arguments(ApproveIn)
@blp.response(200, EventOut)
def approve_event(data, event_id):
    """Managers approve with the amount funded: `{"funded_amount": "25000.00"}`."""
    return service().approve_event(event_id, data)


@blp.route("/events/<event_id>/reject", methods=["POST"])
@blp.arguments(ReasonIn)
@blp.response(200, EventOut)
def reject_event(data, event_id):
    return service().reject_event(event_id, data)


@blp.route("/events/<event_id>/cancel", methods=["POST"])
@blp.arguments(ReasonIn)
@blp.response(200, EventOut)
def cancel_event(data, event_id):
    """Cancel; everyone invited is told through notifications."""
    return service().cancel_event(event_id, data)


@blp.route("/events/<event_id>/report", methods=["POST"])
@blp.arguments(ReportIn)
@blp.response(200, EventOut)
def report_event(data, event_id):
    """The report, after the event ends: `{"summary": "…", "highlights": ["…"], "attendance_notes": "…"}`."""
    return service().report_event(event_id, data)


@blp.route("/events/<event_id>/invitations", methods=["POST"])
@blp.arguments(InviteIn)
@blp.response(201, InviteResult)
def invite_customers(data, event_id):
    """Invite `{"customer_ids": [...]}` or `{"segment": {"category": "high_net_worth", "stage": "contacted",
    "owner_id": "…", "anniversary_within_days": 60}}`; nobody twice, opted-out customers skipped."""
    return service().invite_customers(event_id, data)


@blp.route("/events/<event_id>/invitations", methods=["GET"])
@blp.arguments(InvitationFilter, location="query")
@blp.response(200, InvitationPage)
@blp.doc(responses={200: {"links": {"rsvp": invitation_link("rsvp", "/items/0/id"),
                                      "check_in": invitation_link("check-in", "/items/0/id")}}})
def list_invitations(args, event_id):
    """The guest list; `q` finds a guest by name or phone at the door."""
    return service().list_invitations(event_id, args)


@blp.route("/invitations/<invitation_id>/rsvp", methods=["POST"])
@blp.arguments(RsvpIn)
@blp.response(200, InvitationOut)
@blp.doc(responses={200: {"links": {"check_in": invitation_link("check-in", "/id")}}})
def answer_invitation(data, invitation_id):
    """`{"response": "accepted"|"declined"}`; an acceptance beyond capacity is 409 `capacity_reached`."""
    return service().answer_invitation(invitation_id, data)


@blp.route("/invitations/<invitation_id>/check-in", methods=["POST"])
@blp.response(200, InvitationOut)
def check_in_guest(invitation_id):
    """At the door, from an hour before the start to the end (else 409 `not_open`)."""
    return service().check_in_guest(invitation_id)
