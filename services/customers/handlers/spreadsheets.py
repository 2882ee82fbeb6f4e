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
from services.customers.spreadsheets import CONTENT_TYPES, iter_rows, read_rows, write_rows

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
    (row number, name, data, errors), numbered as the spreadsheet is (the header is row 1). `skip` leaves
    out the first rows (those a resumed job already took)."""
    numbered = list(_numbered(read_rows(filename, content)))
    return len(numbered), _batches(numbered[skip:], batch)


def streamed_batches(filename, content, batch=BATCH, prepare=None):
    """`checked_batches`' batches, each as soon as its rows are read, each good row also `prepare`d (see
    `files.prepared_customer`): pure work with no database, so `kam customers import` runs it in a second
    process beside the writes."""
    return _batches(_numbered(iter_rows(filename, content)), batch, prepare)


def _numbered(rows):
    """(row number, payload) of each non-empty row, after the header's check."""
    header = next(rows := iter(rows), None)
    if header is None:
        return
    columns = column_map(header)
    if "name" not in columns:
        raise Invalid("the first row must name the columns, with 姓名/name among them",
                      errors={"file": ["no 姓名/name column"]})
    for number, cells in enumerate(rows, start=2):
        if any(cell not in (None, "") for cell in cells):
            yield number, row_payload(columns, cells)


def _batches(numbered, size, prepare=None):
    batch = []
    for number, payload in numbered:
        batch.append(_checked(number, payload, prepare))
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _checked(number, payload, prepare=None):
    """(row number, name, data, errors, prepared or None)."""
    name = payload.get("name") or None
    try:
        data = _ROW.load(payload)
    except ValidationError as error:
        return number, name, None, error.messages, None
    if prepare is None or (data.get("source") or {}).get("referrer_id"):  # a referrer is looked up as it is written
        return number, name, data, None, None
    try:
        return number, name, data, None, prepare(data)
    except KamError as error:
        return number, name, None, _refused(number, name, error)["errors"], None


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
    index says so), the batch is rolled back and done again row by row, as POST would. The caller commits
    before each batch (a savepoint per batch cost 9 % of an import on SQLite)."""
    report = {number: _rejected(number, name, errors) for number, name, _, errors, _ in checked if errors}
    candidates = [(number, name, data, prepared) for number, name, data, errors, prepared in checked if not errors]
    try:
        outcome = register_customers(uow, actor, [(number, data, prepared) for number, _, data, prepared
                                                  in candidates], **context)
        report.update((number, _refused(number, name, outcome[number]) if isinstance(outcome[number], KamError)
                       else _imported(number, name, outcome[number])) for number, name, *_ in candidates)
    except IntegrityError:
        uow.session.rollback()  # the batch is all the transaction holds (import_checked commits each one)
        report.update((number, _import_row(uow, actor, number, data, name, **context))
                      for number, name, data, _ in candidates)
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
