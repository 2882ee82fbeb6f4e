"""The catalog's spreadsheet (row errors on import, formulas defused on export) and its gift rules."""
import base64
import io
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from kam.errors import Forbidden, Invalid
from kam.fakes import FakeUnitOfWork
from kam.identity import Actor
from services.catalog.domain.workbook import safe_cell
from services.catalog.handlers import gifts, products, workbook
from services.catalog.models import metadata

NOW = datetime(2026, 5, 20, 2, 0, tzinfo=UTC)
ANALYST, DEV = Actor("a-1", "analyst"), Actor("dev-1", "developer")
GIFT = {"sku": "G-01", "name": "淡水珍珠胸针礼盒", "kind": "gift", "tracking": "stock", "list_price": Decimal("380.00"),
        "quantity": 10, "reorder_level": 3}


@pytest.fixture
def uow():
    with FakeUnitOfWork(metadata) as fake:
        yield fake


def xlsx(*rows):
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return base64.b64encode(out.getvalue()).decode()


def test_an_import_takes_the_good_rows_and_names_each_bad_one(uow):
    content = xlsx(("货号", "名称", "品类", "管理方式", "标价", "克拉", "证书编号"),
                   ("R-1", "圆钻戒指", "ring", "piece", 68000, 1.01, "GIA-1"),
                   ("R-1", "重复货号", "ring", "piece", 1000, None, None),
                   ("X-2", "没有价格", "ring", "piece", None, None, None),
                   ("G-1", "礼包", "gift", "stock", 120, None, None))
    report = workbook.import_products(uow, ANALYST, NOW, filename="catalog.xlsx", content_b64=content)
    assert (report["total"], report["imported"], report["rejected"]) == (4, 1, 3)
    rejected = {row["row"]: row["errors"] for row in report["rows"] if row["status"] == "rejected"}
    assert set(rejected) == {3, 4, 5} and "list_price" in rejected[4] and "quantity" in rejected[5]
    with pytest.raises(Invalid):
        workbook.import_products(uow, ANALYST, NOW, filename="catalog.csv", content_b64=content)


def test_formula_like_cells_are_exported_as_text(uow):
    products.create_product(uow, ANALYST, NOW, data={**GIFT, "name": "=HYPERLINK(\"http://x\")"})
    exported = workbook.export_products(uow.session, ANALYST, NOW)
    sheet = load_workbook(io.BytesIO(base64.b64decode(exported["content_b64"]))).active
    assert sheet.cell(2, 2).value == "'=HYPERLINK(\"http://x\")"
    assert safe_cell("+86 139") == "'+86 139" and safe_cell("珍珠") == "珍珠"


def test_the_gift_for_a_category_is_a_stock_product_the_analyst_names(uow):
    gift = products.create_product(uow, ANALYST, NOW, data=GIFT)
    assert gifts.suggest_gift(uow.session, DEV, NOW, category="high_value") == {"category": "high_value"}
    with pytest.raises(Forbidden):
        gifts.set_gift_rule(uow, DEV, NOW, category="high_value", rule={"product_id": gift["id"]})
    gifts.set_gift_rule(uow, ANALYST, NOW, category="high_value", rule={"product_id": gift["id"]})
    suggested = gifts.suggest_gift(uow.session, DEV, NOW, category="high_value")
    assert (suggested["product_id"], suggested["name"]) == (gift["id"], "淡水珍珠胸针礼盒")
    piece = products.create_product(uow, ANALYST, NOW, data={"sku": "R-9", "name": "戒指", "kind": "ring",
                                                             "tracking": "piece", "list_price": Decimal("1")})
    with pytest.raises(Invalid):
        gifts.set_gift_rule(uow, ANALYST, NOW, category="important", rule={"product_id": piece["id"]})
