"""The visit kit: what the visitor takes along on the iPad."""
from sqlalchemy import select

from services.catalog.domain.products import ensure_reader
from services.catalog.handlers.products import images_of
from services.catalog.handlers.reservations import held_for
from services.catalog.models import products


def get_kit(session, actor, now, *, visit_id, visits):
    """The pieces held for the visit with their pictures, the offers of its plan (held within the
    developer's discount authority by visits when submitted), and the gift. The visit is 404 to whoever
    may not see it (visits decides)."""
    ensure_reader(actor)
    visit = visits.get_visit(visit_id)
    held = held_for(session, "visit", visit["id"])
    preparation = visit.get("preparation") or {}
    gift_id = preparation.get("gift_product_id")
    images = images_of(session, [row["product_id"] for row in held] + ([gift_id] if gift_id else []))
    found = {row["id"]: dict(row) for row in session.execute(
        select(products).where(products.c.id.in_([row["product_id"] for row in held]))).mappings()}
    pieces = [{**found[row["product_id"]], "product_id": row["product_id"], "reservation_id": row["id"],
               "status": row["status"], "gem": {key: found[row["product_id"]][key]
                                                 for key in ("carat", "cut", "color", "clarity")},
               "images": images.get(row["product_id"], [])} for row in held]
    gift = {"name": preparation.get("gift"), "product_id": gift_id, "images": images.get(gift_id, [])}
    return {"visit_id": visit["id"], "customer_name": visit.get("customer_name"), "planned_at": visit.get("planned_at"),
            "pieces": pieces, "offers": preparation.get("offers") or [], "gift": gift}
