"""The catalog as a spreadsheet: Chinese column headers (English accepted), one product a row."""
from decimal import Decimal

HEADERS = {  # field: (export header, other names accepted on import)
    "sku": ("货号", "sku"),
    "name": ("名称", "name", "品名"),
    "kind": ("品类", "kind"),
    "tracking": ("管理方式", "tracking"),
    "list_price": ("标价", "list_price", "价格"),
    "quantity": ("数量", "quantity"),
    "reorder_level": ("补货线", "reorder_level"),
    "carat": ("克拉", "carat"),
    "cut": ("切工", "cut"),
    "color": ("颜色", "color"),
    "clarity": ("净度", "clarity"),
    "metal": ("材质", "metal"),
    "certificate_lab": ("证书机构", "certificate_lab"),
    "certificate_number": ("证书编号", "certificate_number"),
    "description": ("描述", "description"),
}
EXPORT_FIELDS = (*HEADERS, "status")
EXPORT_HEADER = (*(names[0] for names in HEADERS.values()), "状态")
NUMBERS = ("list_price", "carat")
COUNTS = ("quantity", "reorder_level")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def column_map(header_row):
    aliases = {alias.lower(): field for field, names in HEADERS.items() for alias in names}
    return {aliases[str(cell).strip().lower()]: index for index, cell in enumerate(header_row)
            if cell is not None and str(cell).strip().lower() in aliases}


def _text(value):
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() or None


def row_payload(columns, cells):
    """One row as the body a POST /api/products would carry (validated by the same schema)."""
    cell = {field: _text(cells[index]) if index < len(cells) else None for field, index in columns.items()}
    payload = {field: cell[field] for field in ("sku", "name", "kind", "tracking", "list_price", "metal",
                                                "description") if cell.get(field) is not None}
    for field in COUNTS:
        if cell.get(field) is not None:
            payload[field] = cell[field]
    gem = {field: cell[field] for field in ("carat", "cut", "color", "clarity") if cell.get(field) is not None}
    if gem:
        payload["gem"] = gem
    certificate = {key: cell[f"certificate_{key}"] for key in ("lab", "number") if cell.get(f"certificate_{key}")}
    if certificate:
        payload["certificate"] = certificate
    return payload


def safe_cell(value):
    """A text cell that a spreadsheet would run as a formula is written as text (a leading apostrophe)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    if isinstance(value, Decimal):
        return str(value)
    return value


def export_row(product):
    return [safe_cell(product.get(field)) for field in EXPORT_FIELDS]
