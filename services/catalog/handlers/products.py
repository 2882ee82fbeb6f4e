"""The catalog: create and edit products, read one, search them."""
from sqlalchemy import func, insert, or_, select
from sqlalchemy.exc import IntegrityError

from kam.db import new_id
from kam.errors import Conflict
from kam.pagination import keyset_page
from kam.records import load, save
from services.catalog.domain import products as rules
from services.catalog.models import product_images, products


def image_out(image):
    base = f"/api/products/{image['product_id']}/images/{image['id']}"
    return {"id": image["id"], "url": base, "thumbnail_url": f"{base}/thumbnail", "content_type": image["content_type"]}


def images_of(session, product_ids):
    if not product_ids:
        return {}
    rows = session.execute(select(product_images).where(product_images.c.product_id.in_(product_ids))
                           .order_by(product_images.c.product_id, product_images.c.position)).mappings()
    found = {}
    for row in rows:
        found.setdefault(row["product_id"], []).append(image_out(row))
    return found


def product_actions(actor, product):
    actions = ["edit", "add_image"] if actor.role in rules.EDITORS else []
    if actor.role == "developer" and product["status"] == "in_stock":
        actions.append("reserve")
    return actions


def product_out(row, actor, images):
    product = dict(row)
    return {**product, "gem": {key: product[key] for key in ("carat", "cut", "color", "clarity")},
            "certificate": {"lab": product["certificate_lab"], "number": product["certificate_number"]},
            "low_stock": rules.is_low(product["quantity"], product["reorder_level"]),
            "images": images, "actions": product_actions(actor, product)}


def _sku_taken(session, sku):
    query = select(products.c.id).where(products.c.sku == sku)
    return session.execute(query).first() is not None


def insert_product(session, product):
    """The unique index decides, also between two analysts at once: 409 `duplicate_sku`."""
    if _sku_taken(session, product["sku"]):
        raise Conflict(f"the sku {product['sku']} is already in the catalog", code="duplicate_sku")
    try:
        session.execute(insert(products).values(**product))
    except IntegrityError as error:
        raise Conflict(f"the sku {product['sku']} is already in the catalog", code="duplicate_sku") from error


def create_product(uow, actor, now, *, data):
    rules.ensure_editor(actor)
    product = rules.new_product(id=new_id(), data=data, now=now)
    insert_product(uow.session, product)
    return product_out(product, actor, [])


def edit_product(uow, actor, now, *, product_id, changes):
    rules.ensure_editor(actor)
    product = load(uow.session, products, product_id, "product", lock=True)
    product = save(uow.session, products, product, rules.edited(product, changes, now))
    return product_out(product, actor, images_of(uow.session, [product_id]).get(product_id, []))


def get_product(session, actor, now, *, product_id):
    rules.ensure_reader(actor)
    product = load(session, products, product_id, "product")
    return product_out(product, actor, images_of(session, [product_id]).get(product_id, []))


def search(args):
    query = select(products)
    if args.get("q"):
        pattern = f"%{args['q'].strip().lower()}%"
        query = query.where(or_(func.lower(products.c.name).like(pattern), func.lower(products.c.sku).like(pattern),
                                func.lower(products.c.certificate_number).like(pattern)))
    for name in ("kind", "status", "tracking"):
        if args.get(name):
            query = query.where(products.c[name] == args[name])
    if args.get("min_carat") is not None:
        query = query.where(products.c.carat >= args["min_carat"])
    if args.get("max_carat") is not None:
        query = query.where(products.c.carat <= args["max_carat"])
    if args.get("max_price") is not None:
        query = query.where(products.c.list_price <= args["max_price"])
    if args.get("low_stock"):
        query = query.where(products.c.tracking == "stock", products.c.quantity < products.c.reorder_level)
    return query


def list_products(session, actor, now, *, args):
    rules.ensure_reader(actor)
    page = keyset_page(session, search(args), [products.c.created_at, products.c.id], args.get("limit"),
                       args.get("cursor"))
    images = images_of(session, [item["id"] for item in page["items"]])
    return {**page, "items": [product_out(item, actor, images.get(item["id"], [])) for item in page["items"]]}
