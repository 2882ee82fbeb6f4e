"""Reading and writing spreadsheet files (XLSX and CSV, UTF-8 with or without BOM)."""
import csv
import io

from openpyxl import Workbook, load_workbook

from kam.errors import Invalid
from services.customers.domain.spreadsheet import safe_cell

CONTENT_TYPES = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 "csv": "text/csv; charset=utf-8"}


def read_rows(filename, content):
    """Every row of the first sheet (or the CSV) as a list of cells, the header first."""
    name = (filename or "").lower()
    if name.endswith(".xlsx"):
        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
        except Exception as error:  # noqa: BLE001 - any unreadable workbook is the caller's bad file
            raise Invalid("not a readable XLSX file", errors={"file": [str(error)[:200]]}) from error
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    if name.endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise Invalid("a CSV file must be UTF-8", errors={"file": ["not UTF-8 text"]}) from error
        return list(csv.reader(io.StringIO(text)))
    raise Invalid("only .xlsx and .csv files can be imported", errors={"file": ["use .xlsx or .csv"]})


def write_rows(fmt, header, rows):
    header, rows = [safe_cell(cell) for cell in header], ([safe_cell(cell) for cell in row] for row in rows)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
        return ("\ufeff" + out.getvalue()).encode("utf-8")
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("客户")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
