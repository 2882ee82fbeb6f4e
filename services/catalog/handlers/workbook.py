"""Import the catalog from XLSX (good rows in, each bad one named with why) and export it."""
import base64
import io

from marshmallow import ValidationError
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from kam.db import new_id
from kam.errors import Invalid, KamError
from services.catalog.domain import products as rules
from services.catalog.domain.workbook import EXPORT_HEADER, column_map, export_row, row_payload
from services.catalog.handlers.products import insert_product
from services.catalog.models import products
from services.catalog.schemas import ProductIn

COMMIT_EVERY = 200


def _rows(filename, content):
    if not (filename or "").lower().endswith(".xlsx"):
        raise Invalid("only .xlsx files can be imported", errors={"file": ["use .xlsx"]})
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - any unreadable workbook is the caller's bad file
        raise Invalid("not a readable XLSX file", errors={"file": [str(error)[:200]]}) from error
    return workbook, workbook.worksheets[0].iter_rows(values_only=True)


def import_products(uow, actor, now, *, filename, content_b64):
    """Row numbers are the sheet's own (the header is row 1); rows are read one at a time."""
    rules.ensure_editor(actor)
    workbook, rows = _rows(filename, base64.b64decode(content_b64))
    try:
        header = next(rows, None)
        columns = column_map(header or ())
        if "sku" not in columns or "name" not in columns:
            raise Invalid("the first row names the columns, with 货号/sku and 名称/name among them",
                          errors={"file": ["no 货号/sku or 名称/name column"]})
        report = []
        for number, cells in enumerate(rows, start=2):
            if not any(cell not in (None, "") for cell in cells):
                continue
            report.append(_import_row(uow, actor, now, number, row_payload(columns, cells)))
            if len(report) % COMMIT_EVERY == 0:
                uow.commit()
    finally:
        workbook.close()
    imported = sum(1 for row in report if row["status"] == "imported")
    return {"total": len(report), "imported": imported, "rejected": len(report) - imported, "rows": report}


def _import_row(uow, actor, now, number, payload):
    sku = payload.get("sku")
    try:
        product = rules.new_product(id=new_id(), data=ProductIn().load(payload), now=now)
        with uow.session.begin_nested():
            insert_product(uow.session, product)
    except ValidationError as error:
        return {"row": number, "status": "rejected", "sku": sku, "errors": error.messages}
    except KamError as error:
        return {"row": number, "status": "rejected", "sku": sku, "errors": error.errors or {"_row": [error.detail]}}
    return {"row": number, "status": "imported", "sku": sku, "product_id": product["id"]}


def export_products(session, actor, now):
    rules.ensure_editor(actor)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("商品目录")
    sheet.append(list(EXPORT_HEADER))
    for row in session.execute(select(products).order_by(products.c.created_at, products.c.id)).mappings():
        sheet.append(export_row(dict(row)))
    out = io.BytesIO()
    workbook.save(out)
    return {"filename": "catalog.xlsx", "content_b64": base64.b64encode(out.getvalue()).decode()}
