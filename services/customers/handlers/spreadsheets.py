"""Import customers from a spreadsheet (good rows in, each bad one named with why) and export them."""
import base64

from marshmallow import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from kam.errors import Invalid, KamError
from services.customers.domain.access import ensure_may_change
from services.customers.domain.spreadsheet import EXPORT_COLUMNS, column_map, export_row, row_payload
from services.customers.handlers.files import list_customers, register_customer, register_customers
from services.customers.models import customers
from services.customers.schemas.http import CustomerIn
from services.customers.spreadsheets import CONTENT_TYPES, read_rows, write_rows

BATCH = 500
DUPLICATE_ROW = {"phone": "手机号已登记（重复）", "wechat": "微信号已登记（重复）"}
_ROW = CustomerIn()  # the schema of POST /api/customers, built once for every row


def import_customers(uow, actor, now, *, filename, content_base64, sealer, rules):
    return import_file(uow, actor, now, filename, base64.b64decode(content_base64), sealer=sealer, rules=rules)


def import_file(uow, actor, now, filename, content, *, sealer, rules, progress=None):
    ensure_may_change(actor)
    total, batches = checked_batches(filename, content)
    return import_checked(uow, actor, now, total, batches, sealer=sealer, rules=rules, progress=progress)


def checked_batches(filename, content, batch=BATCH, skip=0):
    """(total, batches) of the file's non-empty rows checked by POST's own schema: each batch a list of
    (row number, name, data, errors), numbered as the spreadsheet is (the header is row 1). Pure work with
    no database, so `kam customers import` runs it in a second process beside the writes. `skip` leaves out
    the first rows (those a resumed job already took)."""
    rows = read_rows(filename, content)
    if not rows:
        return 0, iter(())
    columns = column_map(rows[0])
    if "name" not in columns:
        raise Invalid("the first row must name the columns, with 姓名/name among them",
                      errors={"file": ["no 姓名/name column"]})
    numbered = [(number, cells) for number, cells in enumerate(rows[1:], start=2)
                if any(cell not in (None, "") for cell in cells)]
    batches = ([_checked(number, row_payload(columns, cells)) for number, cells in numbered[first:first + batch]]
               for first in range(skip, len(numbered), batch))
    return len(numbered), batches


def _checked(number, payload):
    name = payload.get("name") or None
    try:
        return number, name, _ROW.load(payload), None
    except ValidationError as error:
        return number, name, None, error.messages


def import_checked(uow, actor, now, total, batches, *, sealer, rules, progress=None):
    """Each batch commits with its events and whatever `progress(done, total, the batch's report)` writes
    (it is told before the commit); the report keeps every row."""
    ensure_may_change(actor)
    report = []
    for checked in batches:
        reported = import_batch(uow, actor, checked, now=now, sealer=sealer, rules=rules)
        report += reported
        if progress:
            progress(len(report), total, reported)
        uow.commit()
    imported = sum(1 for row in report if row["status"] == "imported")
    return {"total": len(report), "imported": imported, "rejected": len(report) - imported, "rows": report}


def import_batch(uow, actor, checked, **context):
    """Checked rows → their reports, in order. The batch's duplicate lookups are one query a key, its rows,
    search tokens and events one statement each; should a registration race one of its rows (the unique
    index says so), the batch is done again row by row, as POST would."""
    report = {number: _rejected(number, name, errors) for number, name, _, errors in checked if errors}
    candidates = [(number, name, data) for number, name, data, errors in checked if not errors]
    try:
        with uow.session.begin_nested():
            outcome = register_customers(uow, actor, [(number, data) for number, _, data in candidates], **context)
        report.update((number, _refused(number, name, outcome[number]) if isinstance(outcome[number], KamError)
                       else _imported(number, name, outcome[number])) for number, name, _ in candidates)
    except IntegrityError:
        report.update((number, _import_row(uow, actor, number, data, name, **context))
                      for number, name, data in candidates)
    return [report[number] for number, *_ in checked]


def _import_row(uow, actor, number, data, name, **context):
    try:
        row = register_customer(uow, actor, data, **context)  # refuses before it writes anything
    except KamError as error:
        return _refused(number, name, error)
    return _imported(number, name, row)


def _imported(number, name, row):
    return {"row": number, "status": "imported", "name": name, "customer_id": row["id"]}


def _refused(number, name, error):
    """A row repeating a customer (of this file or already registered: the same phone or WeChat, however
    written) is a row error; it names the customer only if the caller may see them (as POST does)."""
    errors = error.errors or {"_row": [error.detail]}
    if error.error_code == "duplicate_customer":
        errors = {field: [DUPLICATE_ROW[field]] for field in errors}
    rejected = _rejected(number, name, errors)
    existing = error.extra.get("existing_customer_id")
    return {**rejected, "customer_id": existing} if existing else rejected


def _rejected(number, name, errors):
    return {"row": number, "status": "rejected", "name": name, "errors": errors}


def export_customers(session, actor, now, *, fmt, owner_names):
    exported = export_file(session, actor, now, fmt, owner_names)
    return {**exported, "content_base64": base64.b64encode(exported.pop("content")).decode()}


def export_file(session, actor, now, fmt, owner_names):
    """The customers the caller may see, never their sensitive data."""
    rows, cursor = [], None
    while True:
        page = list_customers(session, actor, now, args={"limit": 200, "cursor": cursor})
        ids = [item["id"] for item in page["items"]]
        full = {r["id"]: r for r in session.execute(select(customers).where(customers.c.id.in_(ids))).mappings()}
        rows += [export_row(full[i], owner_names.get(full[i]["owner_id"], full[i]["owner_id"])) for i in ids]
        cursor = page["next_cursor"]
        if not cursor:
            break
    return {"filename": f"customers.{fmt}", "content_type": CONTENT_TYPES[fmt],
            "content": write_rows(fmt, EXPORT_COLUMNS, rows)}
