"""Product pictures: checked by their bytes, stored with a thumbnail behind the file store."""
import base64

from sqlalchemy import func, insert, select

from kam.db import new_id
from kam.errors import Conflict, NotFound
from kam.images import checked_image, thumbnail
from kam.records import load
from services.catalog.domain.products import ensure_editor, ensure_reader
from services.catalog.handlers.products import image_out
from services.catalog.models import product_images, products
from services.catalog.terms import MAX_IMAGES_PER_PRODUCT


def store_image(session, files, *, product_id, content, actor_id, now):
    content_type, extension = checked_image(content)
    count = session.scalar(select(func.count()).select_from(product_images)
                           .where(product_images.c.product_id == product_id))
    if count >= MAX_IMAGES_PER_PRODUCT:
        raise Conflict(f"a product has at most {MAX_IMAGES_PER_PRODUCT} pictures", code="too_many_images")
    image_id = new_id()
    image = {"id": image_id, "product_id": product_id, "position": count + 1, "content_type": content_type,
             "size": len(content), "uploaded_by": actor_id, "created_at": now,
             "stored_as": files.save(product_id, f"{image_id}.{extension}", content),
             "thumbnail_as": files.save(product_id, f"{image_id}.thumb.jpg", thumbnail(content))}
    session.execute(insert(product_images).values(**image))
    return image


def add_image(uow, actor, now, *, product_id, upload, pictures):
    ensure_editor(actor)
    load(uow.session, products, product_id, "product", lock=True)
    image = store_image(uow.session, pictures, product_id=product_id, content=base64.b64decode(upload["content_b64"]),
                        actor_id=actor.user_id, now=now)
    return image_out(image)


def read_image(session, actor, now, *, product_id, image_id, thumbnail, pictures):
    ensure_reader(actor)
    image = load(session, product_images, image_id, "picture")
    if image["product_id"] != product_id:
        raise NotFound("no such picture")
    content = pictures.read(image["thumbnail_as"] if thumbnail else image["stored_as"])
    return {"content_type": "image/jpeg" if thumbnail else image["content_type"],
            "content_b64": base64.b64encode(content).decode()}
