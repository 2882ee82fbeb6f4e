"""Import customers from a spreadsheet (good rows in, each bad one named with why) and export them."""
import base64

from marshmallow import ValidationError
from sqlalchemy import select

from kam.errors import Invalid, KamError
from services.customers.domain.access import ensure_may_change
from services.customers.domain.spreadsheet import EXPORT_COLUMNS, column_map, export_row, row_payload
from services.customers.handlers.files import list_customers, register_customer
from services.customers.models import customers
from services.customers.schemas.http import CustomerIn
from services.customers.spreadsheets import CONTENT_TYPES, read_rows, write_rows

COMMIT_EVERY = 200
DUPLICATE_ROW = {"phone": "手机号已登记（重复）", "wechat": "微信号已登记（重复）"}


def import_customers(uow, actor, now, *, filename, content_base64, sealer, rules):
    return import_file(uow, actor, now, filename, base64.b64decode(content_base64), sealer=sealer, rules=rules)


def import_file(uow, actor, now, filename, content, *, sealer, rules, progress=None):
    """Row numbers are the spreadsheet's own (the header is row 1); the caller commits the last rows."""
    ensure_may_change(actor)
    rows = read_rows(filename, content)
    if not rows:
        return {"total": 0, "imported": 0, "rejected": 0, "rows": []}
    columns = column_map(rows[0])
    if "name" not in columns:
        raise Invalid("the first row must name the columns, with 姓名/name among them",
                      errors={"file": ["no 姓名/name column"]})
    report = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell not in (None, "") for cell in cells):
            continue
        report.append(_import_row(uow, actor, number, row_payload(columns, cells),
                                  now=now, sealer=sealer, rules=rules))
        if len(report) % COMMIT_EVERY == 0:
            uow.commit()
        if progress:
            progress(number - 1, len(rows) - 1)
    imported = sum(1 for row in report if row["status"] == "imported")
    return {"total": len(report), "imported": imported, "rejected": len(report) - imported, "rows": report}


def _import_row(uow, actor, number, payload, **context):
    """A row repeating a customer (of this file or already registered: the same phone or WeChat, however
    written) is a row error; it names the customer only if the caller may see them (as POST does)."""
    name = payload.get("name") or None
    try:
        data = CustomerIn().load(payload)
    except ValidationError as error:
        return {"row": number, "status": "rejected", "name": name, "errors": error.messages}
    try:
        row = register_customer(uow, actor, data, **context)  # refuses before it writes anything
    except KamError as error:
        errors = error.errors or {"_row": [error.detail]}
        if error.error_code == "duplicate_customer":
            errors = {field: [DUPLICATE_ROW[field]] for field in errors}
        rejected = {"row": number, "status": "rejected", "name": name, "errors": errors}
        existing = error.extra.get("existing_customer_id")
        return {**rejected, "customer_id": existing} if existing else rejected
    return {"row": number, "status": "imported", "name": name, "customer_id": row["id"]}


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
