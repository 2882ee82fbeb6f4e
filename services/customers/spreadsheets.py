"""Reading and writing spreadsheet files (XLSX and CSV, UTF-8 with or without BOM)."""
import csv
import io
import itertools

from openpyxl import Workbook, load_workbook

from kam.errors import Invalid
from services.customers.domain.spreadsheet import safe_cell

MAX_ROWS = 200_000
CONTENT_TYPES = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 "csv": "text/csv; charset=utf-8"}


def read_rows(filename, content):
    """The rows of the first sheet (or the CSV) as lists of cells, the header first: no wider than the
    header, up to the last non-empty row, at most MAX_ROWS. A sheet's declared dimension is ignored, since
    a few-KB file may claim a million rows of 16,384 columns."""
    if ensure_importable(filename) == "xlsx":
        return _xlsx_rows(content)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Invalid("CSV 文件须为 UTF-8 a CSV file must be UTF-8", errors={"file": ["not UTF-8 text"]}) from error
    rows = csv.reader(io.StringIO(text))
    header = _trimmed(next(rows, []))
    return _bounded(header, (row[:len(header)] for row in itertools.islice(rows, MAX_ROWS)))


def ensure_importable(filename):
    """"xlsx" or "csv", by the file's name; anything else is 422."""
    kind = (filename or "").lower().rsplit(".", 1)[-1]
    if kind not in ("xlsx", "csv"):
        raise Invalid("只能导入 .xlsx 或 .csv 文件 only .xlsx and .csv files can be imported",
                      errors={"file": ["use .xlsx or .csv"]})
    return kind


def _xlsx_rows(content):
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - any unreadable workbook is the caller's bad file
        raise Invalid("无法读取的 XLSX 文件 not a readable XLSX file", errors={"file": [str(error)[:200]]}) from error
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()
        header = _trimmed(next(sheet.iter_rows(max_row=1, values_only=True), ()))
        if not header:
            return [header]
        return _bounded(header, sheet.iter_rows(min_row=2, max_row=MAX_ROWS + 1,
                                                    max_col=len(header), values_only=True))
    except Invalid:
        raise
    except Exception as error:  # noqa: BLE001 - a sheet that breaks while read is a bad file too
        raise Invalid("无法读取的 XLSX 文件 not a readable XLSX file", errors={"file": [str(error)[:200]]}) from error
    finally:
        workbook.close()


def _trimmed(row):
    cells = list(row)
    while cells and cells[-1] in (None, ""):
        cells.pop()
    return cells


def _bounded(header, rows):
    """Empty rows keep their place (row numbers are the file's) only when a non-empty row follows."""
    kept, blank = [header], 0
    for row in rows:
        if row.count(None) + row.count("") == len(row):
            blank += 1
            continue
        if len(kept) + blank >= MAX_ROWS:
            raise Invalid(f"文件超过 {MAX_ROWS} 行 the file has more than {MAX_ROWS} rows",
                          errors={"file": [f"at most {MAX_ROWS} rows"]})
        kept.extend([] for _ in range(blank))
        kept.append(list(row))
        blank = 0
    return kept


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
