"""Spreadsheet rows as customer payloads: Chinese column headers, English aliases accepted."""
import re
from datetime import date, datetime

from services.customers.terms import CATEGORY_LABELS, STAGE_LABELS

HEADERS = {
    "name": ("姓名", "名称", "客户名称", "name"),
    "kind": ("类型", "kind"),
    "phone": ("手机", "电话", "phone", "mobile"),
    "wechat": ("微信", "wechat"),
    "email": ("邮箱", "email", "e-mail"),
    "category": ("类别", "分类", "category"),
    "source": ("来源", "source", "channel"),
    "source_note": ("来源备注", "source_note"),
    "wedding_anniversary": ("结婚纪念日", "wedding_anniversary"),
    "birthday": ("生日", "birthday"),
    "occupation": ("职业", "occupation"),
    "hobbies": ("爱好", "hobbies"),
    "needs": ("需求", "needs"),
}
KIND_WORDS = {"个人": "person", "机构": "organization", "单位": "organization", "企业": "organization"}
CATEGORY_WORDS = {label: code for code, label in CATEGORY_LABELS.items()}
SOURCE_WORDS = {"朋友": "friend", "亲戚": "relative", "同学": "classmate", "同事": "colleague",
                "商场": "mall_sales", "行业": "industry_sales", "平台": "platform", "其他直销": "other_direct_sales"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTROL_CHARACTERS = re.compile(r"[\000-\010\013\014\016-\037]")  # what XLSX cannot hold (openpyxl's list)
EXPORT_COLUMNS = ("姓名", "类型", "手机", "微信", "邮箱", "类别", "阶段", "来源", "结婚纪念日", "生日", "职业",
                  "负责人", "建档时间")


def column_map(header_row):
    """{field: column index} from the header row; unknown columns are ignored."""
    aliases = {alias.lower(): field for field, names in HEADERS.items() for alias in names}
    return {aliases[str(cell).strip().lower()]: index for index, cell in enumerate(header_row)
            if cell is not None and str(cell).strip().lower() in aliases}


def _text(value):
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _date(value):
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = _text(value)
    return text.replace("/", "-").replace(".", "-") if text else None


def row_payload(columns, row):
    """One row as the body a POST /api/customers would carry (validated by the same schema)."""
    cell = {field: row[index] if index < len(row) else None for field, index in columns.items()}
    payload = {"name": _text(cell.get("name")) or ""}
    kind = _text(cell.get("kind"))
    if kind:
        payload["kind"] = KIND_WORDS.get(kind, kind)
    for field in ("phone", "wechat", "email"):
        if _text(cell.get(field)):
            payload[field] = _text(cell.get(field))
    category = _text(cell.get("category"))
    if category:
        payload["category"] = CATEGORY_WORDS.get(category, category)
    source = _text(cell.get("source"))
    if source or _text(cell.get("source_note")):
        payload["source"] = {"channel": SOURCE_WORDS.get(source, source), "note": _text(cell.get("source_note"))}
    key_dates = [{"kind": kind, "date": _date(cell.get(kind))}
                 for kind in ("wedding_anniversary", "birthday") if _date(cell.get(kind))]
    if key_dates:
        payload["key_dates"] = key_dates
    profile = {}
    if _text(cell.get("occupation")):
        profile["occupation"] = _text(cell.get("occupation"))
    if _text(cell.get("hobbies")):
        profile["hobbies"] = [h.strip() for h in _text(cell.get("hobbies")).replace("，", ",").split(",") if h.strip()]
    if _text(cell.get("needs")):
        profile["needs"] = _text(cell.get("needs"))
    if profile:
        payload["profile"] = profile
    return payload


def export_row(customer, owner_name):
    key_dates = {d["kind"]: d["date"] for d in customer["key_dates"] or []}
    return [customer["name"], "机构" if customer["kind"] == "organization" else "个人", customer["phone"],
            customer["wechat"], customer["email"], CATEGORY_LABELS.get(customer["category"], ""),
            STAGE_LABELS.get(customer["stage"], customer["stage"]), customer["source_channel"],
            key_dates.get("wedding_anniversary"), key_dates.get("birthday"),
            (customer["profile"] or {}).get("occupation"), owner_name, customer["created_at"].isoformat()]


def safe_cell(value):
    """A text cell as a spreadsheet will not run it: no control characters, and a leading quote before
    what Excel or LibreOffice would read as a formula (OWASP's advice on CSV injection)."""
    if not isinstance(value, str):
        return value
    text = CONTROL_CHARACTERS.sub("", value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
