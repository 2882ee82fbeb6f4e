"""Demo catalog: about forty pieces with pictures drawn by Pillow, gift stock with reorder levels, a gift
for each customer category, and reservations for the approved visits the visits' demo provides. Written
through the service's own use cases, so the rules hold for the demo too."""
import io
import math
import random
from decimal import Decimal

from PIL import Image, ImageDraw
from sqlalchemy import func, select

from kam.db import utcnow
from kam.identity import Actor
from kam.service import open_store
from kam.storage import file_store
from services.catalog.handlers import gifts, images, products, reservations
from services.catalog.models import metadata
from services.catalog.models import products as products_table

STONES = [("1克拉圆钻结婚周年戒指", "ring", "1.01"), ("1.5克拉圆钻戒指", "ring", "1.52"), ("公主方钻戒指", "ring", "0.80"),
          ("钻石网球手链", "bracelet", "3.20"), ("钻石耳钉", "earrings", "0.60"), ("水滴形钻石吊坠", "pendant", "0.45"),
          ("铂金钻石项链", "necklace", "1.20"), ("祖母绿切工钻戒", "ring", "2.01"), ("椭圆钻石裸石", "loose_stone", "1.10"),
          ("心形钻石吊坠", "pendant", "0.70")]
CUTS, COLORS, CLARITIES = ("EX", "VG", "EX"), ("D", "E", "F", "G", "H"), ("IF", "VVS1", "VVS2", "VS1", "VS2")
METALS = ("PT950", "18K白金", "18K玫瑰金", "18K黄金")
GIFT_STOCK = [("G-CARE-KIT", "珠宝保养礼包（擦银布、清洁液）", "120.00", 60, 20, "potential"),
              ("G-PEARL-BROOCH", "淡水珍珠胸针礼盒", "380.00", 12, 10, "high_value"),
              ("G-CULTURE-BOOK", "企业文化纪念册与珠宝保养小礼包", "150.00", 40, 10, "important"),
              ("G-LOGO-SET", "定制logo珠宝清洁套装", "90.00", 8, 15, "group_purchase"),
              ("G-ATLAS", "品牌典藏钻石鉴赏图册与定制礼盒", "680.00", 15, 5, "strategic")]


def drawn_piece(seed, kind):
    """A square picture of a piece: a metal band or chain and a faceted stone, in colours of its own."""
    rng = random.Random(seed)
    size = 800
    image = Image.new("RGB", (size, size), (246, 242, 234))
    draw = ImageDraw.Draw(image)
    metal = rng.choice([(205, 205, 210), (222, 184, 135), (212, 175, 55)])
    centre = size // 2
    if kind in ("ring", "loose_stone"):
        draw.ellipse((200, 330, 600, 730), outline=metal, width=36 if kind == "ring" else 0)
    else:
        draw.arc((120, 40, 680, 600), 20, 160, fill=metal, width=14)
    radius = rng.randint(90, 140)
    points = [(centre + radius * math.cos(a * math.pi / 4), 320 + radius * math.sin(a * math.pi / 4)) for a in range(8)]
    draw.polygon(points, fill=(200 + rng.randint(0, 55), 225 + rng.randint(0, 30), 255), outline=(120, 140, 170))
    for x, y in points:
        draw.line((centre, 320, x, y), fill=(150, 170, 200), width=3)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def load(demo):
    store = open_store("catalog", metadata, demo.settings)
    analyst = Actor((demo.users.get("analyst") or [{"id": "demo-analyst"}])[0]["id"], "analyst")
    files = file_store(demo.settings, "pictures")
    now = utcnow()
    try:
        with store.session() as session:
            if session.scalar(select(func.count()).select_from(products_table)):
                return "already loaded"
        pieces = []
        with store.unit_of_work(actor=analyst.as_dict()) as uow:
            for number in range(40):
                name, kind, carat = STONES[number % len(STONES)]
                carat = Decimal(carat) + Decimal(number // len(STONES)) * Decimal("0.1")
                piece = products.create_product(uow, analyst, now, data={
                    "sku": f"KA-{kind[:2].upper()}-{1001 + number}", "name": name, "kind": kind, "tracking": "piece",
                    "list_price": (carat * Decimal("52000")).quantize(Decimal("1.00")),
                    "gem": {"carat": carat, "cut": CUTS[number % 3], "color": COLORS[number % 5],
                            "clarity": CLARITIES[number % 5]},
                    "metal": None if kind == "loose_stone" else METALS[number % 4],
                    "certificate": {"lab": "GIA" if number % 3 else "NGTC", "number": f"{2141438100 + number}"},
                    "description": "大客户部精选，适合结婚周年与纪念日。"})
                images.store_image(uow.session, files, product_id=piece["id"], content=drawn_piece(number, kind),
                                   actor_id=analyst.user_id, now=now)
                pieces.append(piece)
            for sku, name, price, quantity, reorder_level, category in GIFT_STOCK:
                gift = products.create_product(uow, analyst, now, data={
                    "sku": sku, "name": name, "kind": "gift", "tracking": "stock", "list_price": Decimal(price),
                    "quantity": quantity, "reorder_level": reorder_level})
                gifts.set_gift_rule(uow, analyst, now, category=category, rule={"product_id": gift["id"]})
            uow.commit()
        held = _reserve_for_demo_visits(store, demo, pieces, now)
        return f"{len(pieces)} pieces with pictures, {len(GIFT_STOCK)} gift stock products and rules, {held} reservations"
    finally:
        store.close()


class DemoVisits:
    def __init__(self, shared):
        self.by_id = {visit["id"]: visit for visit in shared}

    def get_visit(self, visit_id):
        return self.by_id[visit_id]


def _reserve_for_demo_visits(store, demo, pieces, now):
    """The approved visits the visits' demo provides, if it does, each get two pieces held."""
    approved = [visit for visit in demo.provided("visits") or [] if visit.get("status") == "approved"]
    held = 0
    for visit, pair in zip(approved, (pieces[i:i + 2] for i in range(0, len(pieces), 2)), strict=False):
        developer = Actor(visit["visitor_id"], "developer")
        with store.unit_of_work(actor=developer.as_dict()) as uow:
            for piece in pair:
                reservations.reserve_piece(uow, developer, now, data={
                    "product_id": piece["id"], "subject": {"type": "visit", "id": visit["id"]}},
                    visits=DemoVisits(approved), reception=None)
                held += 1
            uow.commit()
    return held
