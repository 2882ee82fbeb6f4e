"""HTTP routes of the catalog: products and their pictures, reservations, the visit kit, gift rules;
mounted by the gateway, they parse, call RPC and dump."""
import base64

from flask import Response

from kam.schemas import page_of
from kam.web import Blueprint, file_responses, rpc
from services.catalog.schemas import (
    MAX_IMAGE_UPLOAD,
    GiftOutcomeList,
    GiftRuleIn,
    GiftRuleList,
    GiftRuleOut,
    ImageOut,
    ImageUpload,
    ImportOut,
    KitOut,
    ProductArgs,
    ProductIn,
    ProductOut,
    ProductPatch,
    ReservationArgs,
    ReservationIn,
    ReservationOut,
)

blp = Blueprint("catalog", __name__, url_prefix="/api", description="商品目录、图片、库存、样品预留与拜访资料包",
                replies_dumped=True)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PICTURE = file_responses("image/jpeg", "image/png", description="the picture as uploaded (JPEG or PNG)")
THUMBNAIL = file_responses("image/jpeg", description="the picture made small (always JPEG)")


def catalog():
    return rpc("catalog")


@blp.route("/products", methods=["POST"])
@blp.arguments(ProductIn)
@blp.response(201, ProductOut)
def create_product(data):
    """A unique piece or counted stock (the analyst and managers).

    Example: `{"sku": "R-1001", "name": "1克拉圆钻结婚周年戒指", "kind": "ring", "tracking": "piece",
    "list_price": "68000.00", "gem": {"carat": "1.01", "cut": "EX", "color": "F", "clarity": "VS1"},
    "metal": "PT950", "certificate": {"lab": "GIA", "number": "2141438171"}}`; a duplicate sku is 409 `duplicate_sku`.
    """
    return catalog().create_product(data)


@blp.route("/products", methods=["GET"])
@blp.arguments(ProductArgs, location="query")
@blp.response(200, page_of(ProductOut))
def list_products(args):
    """Search by name, sku or certificate number (`q`), kind, status, carat range and price; keyset pages."""
    return catalog().list_products(args)


@blp.route("/products/<product_id>", methods=["GET"])
@blp.response(200, ProductOut)
def get_product(product_id):
    return catalog().get_product(product_id)


@blp.route("/products/<product_id>", methods=["PATCH"])
@blp.arguments(ProductPatch(partial=True))
@blp.response(200, ProductOut)
def edit_product(changes, product_id):
    return catalog().edit_product(product_id, changes)


@blp.route("/products/<product_id>/images", methods=["POST"])
@blp.arguments(ImageUpload, location="files")
@blp.response(201, ImageOut)
def add_image(files, product_id):
    """A JPEG or PNG of at most 10 MB, as multipart field `file` (checked by its bytes: else 415 or 422)."""
    content = files["file"].stream.read(MAX_IMAGE_UPLOAD + 1)  # one byte over is enough for the service to refuse
    return catalog().add_image(product_id, {"content_b64": base64.b64encode(content).decode()})


def _picture(product_id, image_id, thumbnail):
    image = catalog().read_image(product_id, image_id, thumbnail)
    return Response(base64.b64decode(image["content_b64"]), mimetype=image["content_type"],
                    headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "private, max-age=3600"})


@blp.route("/products/<product_id>/images/<image_id>", methods=["GET"])
@blp.doc(responses=PICTURE)
def read_image(product_id, image_id):
    return _picture(product_id, image_id, False)


@blp.route("/products/<product_id>/images/<image_id>/thumbnail", methods=["GET"])
@blp.doc(responses=THUMBNAIL)
def read_thumbnail(product_id, image_id):
    return _picture(product_id, image_id, True)


@blp.route("/products/import", methods=["POST"])
@blp.arguments(ImageUpload, location="files")
@blp.response(200, ImportOut)
def import_products(files):
    """An XLSX with 货号/sku, 名称/name… in its first row; each bad row is named with why."""
    upload = files["file"]
    return catalog().import_products(upload.filename, base64.b64encode(upload.stream.read()).decode())


@blp.route("/products/export", methods=["GET"])
@blp.doc(responses=file_responses(XLSX, description="the catalog's workbook, as an attachment"))
def export_products():
    exported = catalog().export_products()
    return Response(base64.b64decode(exported["content_b64"]), content_type=XLSX,
                    headers={"Content-Disposition": f"attachment; filename={exported['filename']}"})


@blp.route("/reservations", methods=["POST"])
@blp.arguments(ReservationIn)
@blp.response(201, ReservationOut)
def reserve_piece(data):
    """`{"product_id": "…", "for": {"type": "visit", "id": "…"}}`: your own approved visit or reception; a piece
    not in stock is 409 `not_available`."""
    return catalog().reserve_piece(ReservationIn().dump(data))  # on the wire as the contract names it: "for"


@blp.route("/reservations", methods=["GET"])
@blp.arguments(ReservationArgs, location="query")
@blp.response(200, page_of(ReservationOut))
def list_reservations(args):
    return catalog().list_reservations(args)


@blp.route("/reservations/<reservation_id>", methods=["GET"])
@blp.response(200, ReservationOut)
def get_reservation(reservation_id):
    return catalog().get_reservation(reservation_id)


@blp.route("/reservations/<reservation_id>/check-out", methods=["POST"])
@blp.response(200, ReservationOut)
def check_out(reservation_id):
    """The coordinator hands the piece out."""
    return catalog().check_out(reservation_id)


@blp.route("/reservations/<reservation_id>/check-in", methods=["POST"])
@blp.response(200, ReservationOut)
def check_in(reservation_id):
    """The coordinator takes the piece back: `returned`, the piece `in_stock` again."""
    return catalog().check_in(reservation_id)


@blp.route("/reservations/<reservation_id>/cancel", methods=["POST"])
@blp.response(200, ReservationOut)
def cancel_reservation(reservation_id):
    return catalog().cancel_reservation(reservation_id)


@blp.route("/visits/<visit_id>/kit", methods=["GET"])
@blp.response(200, KitOut)
def get_kit(visit_id):
    """What the visitor takes along: the pieces with their pictures, the offers, the gift."""
    return catalog().get_kit(visit_id)


@blp.route("/gift-rules", methods=["GET"])
@blp.response(200, GiftRuleList)
def list_gift_rules():
    return catalog().list_gift_rules()


@blp.route("/gift-rules/<category>", methods=["PUT"])
@blp.arguments(GiftRuleIn)
@blp.response(200, GiftRuleOut)
def set_gift_rule(rule, category):
    """The gift product for customers of this category (the analyst and managers)."""
    return catalog().set_gift_rule(category, rule)


@blp.route("/gift-rules/outcomes", methods=["GET"])
@blp.response(200, GiftOutcomeList)
def gift_outcomes():
    """Per category and gift: the visits it went with, and how many led to a deal."""
    return catalog().gift_outcomes()
