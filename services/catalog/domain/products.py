"""Products: a unique piece (one item, with its stone, metal and certificate, and a status) or counted
stock (gifts, gift bags: a quantity and a reorder level)."""
from kam.errors import Forbidden, Invalid
from services.catalog.terms import EDITORS, READERS

PIECE_ONLY = ("carat", "cut", "color", "clarity", "certificate_lab", "certificate_number")
STOCK_ONLY = ("quantity", "reorder_level")
EDITABLE = ("name", "kind", "list_price", "quantity", "reorder_level", "carat", "cut", "color", "clarity",
            "metal", "certificate_lab", "certificate_number", "description")


def ensure_editor(actor):
    """Only the analyst and managers keep the catalog."""
    if actor.role not in EDITORS:
        raise Forbidden("only the analyst and managers edit the catalog", code="forbidden")


def ensure_reader(actor):
    if actor.role not in READERS:
        raise Forbidden(f"role {actor.role!r} may not do this", code="forbidden")


def flattened(data):
    """The API's nested gem and certificate as the table's columns."""
    flat = {key: value for key, value in data.items() if key not in ("gem", "certificate")}
    for key, value in (data.get("gem") or {}).items():
        flat[key] = value
    certificate = data.get("certificate") or {}
    if "lab" in certificate:
        flat["certificate_lab"] = certificate["lab"]
    if "number" in certificate:
        flat["certificate_number"] = certificate["number"]
    return flat


def check_shape(product):
    """A piece has no quantity; stock has a quantity and no stone or certificate of its own."""
    errors = {}
    if product["tracking"] == "piece":
        errors.update({name: ["only counted stock has this"] for name in STOCK_ONLY if product.get(name) is not None})
    else:
        if product.get("quantity") is None:
            errors["quantity"] = ["required for counted stock"]
        errors.update({name: ["only a unique piece has this"] for name in PIECE_ONLY
                       if product.get(name) is not None})
    if errors:
        raise Invalid("some fields are invalid", errors=errors)


def new_product(*, id, data, now):
    product = {"id": id, **{name: None for name in EDITABLE}, **flattened(data),
               "created_at": now, "updated_at": now}
    product["sku"] = product["sku"].strip()
    check_shape(product)
    if product["tracking"] == "piece":
        product["status"] = "in_stock"
    else:
        product["status"] = None
        product["reorder_level"] = product.get("reorder_level") or 0
    return product


def edited(product, changes, now):
    """The changes to keep; a piece's status moves only by reservations and deals, never by an edit."""
    kept = {key: value for key, value in flattened(changes).items() if key in EDITABLE}
    check_shape({**product, **kept})
    return {**kept, "updated_at": now}


def is_low(quantity, reorder_level):
    return quantity is not None and quantity < (reorder_level or 0)


def crossed_reorder_level(before, after, reorder_level):
    """Below the reorder level now, and not before: the analyst is asked to restock once per dip."""
    return is_low(after, reorder_level) and not is_low(before, reorder_level)
