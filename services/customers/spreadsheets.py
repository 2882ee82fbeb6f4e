"""Reading and writing spreadsheet files (XLSX and CSV, UTF-8 with or without BOM)."""
import csv
import io
import itertools

from openpyxl import Workbook

from kam.errors import Invalid
from services.customers.domain.spreadsheet import safe_cell
from services.customers.xlsx import sheet_rows

MAX_ROWS = 200_000
CONTENT_TYPES = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 "csv": "text/csv; charset=utf-8"}


def read_rows(filename, content):
    """The rows of the first sheet (or the CSV) as lists of cells, the header first: no wider than the
    header, up to the last non-empty row, at most MAX_ROWS. A sheet's declared dimension is ignored, since
    a few-KB file may claim a million rows of 16,384 columns."""
    return list(iter_rows(filename, content))


def iter_rows(filename, content):
    """`read_rows`, one row at a time as the file is read (a file over MAX_ROWS raises once it gets there)."""
    if ensure_importable(filename) == "xlsx":
        yield from _xlsx_rows(content)
        return
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Invalid("CSV 文件须为 UTF-8 a CSV file must be UTF-8", errors={"file": ["not UTF-8 text"]}) from error
    rows = csv.reader(io.StringIO(text))
    header = _trimmed(next(rows, []))
    yield from _bounded(header, (row[:len(header)] for row in itertools.islice(rows, MAX_ROWS)))


def ensure_importable(filename):
    """"xlsx" or "csv", by the file's name; anything else is 422."""
    kind = (filename or "").lower().rsplit(".", 1)[-1]
    if kind not in ("xlsx", "csv"):
        raise Invalid("只能导入 .xlsx 或 .csv 文件 only .xlsx and .csv files can be imported",
                      errors={"file": ["use .xlsx or .csv"]})
    return kind


def _xlsx_rows(content):
    try:
        rows = sheet_rows(content, max_row=MAX_ROWS + 1)
        header = _trimmed(next(rows, (1, []))[1])
        if not header:
            yield header
            return
        yield from _bounded(header, (cells[:len(header)] for _, cells in rows))
    except Invalid:
        raise
    except Exception as error:  # noqa: BLE001 - any unreadable workbook or sheet is the caller's bad file
        raise Invalid("无法读取的 XLSX 文件 not a readable XLSX file", errors={"file": [str(error)[:200]]}) from error


def _trimmed(row):
    cells = list(row)
    while cells and cells[-1] in (None, ""):
        cells.pop()
    return cells


def _bounded(header, rows):
    """Empty rows keep their place (row numbers are the file's) only when a non-empty row follows."""
    yield header
    kept, blank = 1, 0
    for row in rows:
        if row.count(None) + row.count("") == len(row):
            blank += 1
            continue
        if kept + blank >= MAX_ROWS:
            raise Invalid(f"文件超过 {MAX_ROWS} 行 the file has more than {MAX_ROWS} rows",
                          errors={"file": [f"at most {MAX_ROWS} rows"]})
        for _ in range(blank):
            yield []
        yield list(row)
        kept, blank = kept + blank + 1, 0


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
