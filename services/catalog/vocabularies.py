"""The catalog's code lists with their labels (GET /api/vocabularies)."""
from kam.vocabulary import Vocabulary
from services.catalog import terms

VOCABULARIES = (
    Vocabulary("product_kinds", terms.KINDS, {
        "ring": ("戒指", "Ring"), "necklace": ("项链", "Necklace"), "earrings": ("耳饰", "Earrings"),
        "bracelet": ("手链/手镯", "Bracelet"), "pendant": ("吊坠", "Pendant"), "loose_stone": ("裸石", "Loose stone"),
        "gift": ("礼品/礼包", "Gift")}),
    Vocabulary("product_trackings", terms.TRACKINGS, {
        "piece": ("单件（唯一）", "Unique piece"), "stock": ("计数库存", "Counted stock")}),
    Vocabulary("piece_statuses", terms.PIECE_STATUSES, {
        "in_stock": ("在库", "In stock"), "reserved": ("已预留", "Reserved"), "checked_out": ("已领出", "Checked out"),
        "sold": ("已售", "Sold")}),
    Vocabulary("reservation_statuses", terms.RESERVATION_STATUSES, {
        "reserved": ("已预留", "Reserved"), "checked_out": ("已领出", "Checked out"), "returned": ("已归还", "Returned"),
        "cancelled": ("已取消", "Cancelled"), "sold": ("已售出", "Sold")}),
    Vocabulary("reserved_for_types", terms.RESERVED_FOR, {
        "visit": ("拜访", "Visit"), "reception": ("接待", "Reception")}),
    Vocabulary("event_types", ("stock.low", "reservation.overdue", "reservation.returned", "gift.handed_out"), {
        "stock.low": ("库存低于补货线", "Stock below reorder level"),
        "reservation.overdue": ("样品逾期未还", "Piece overdue"),
        "reservation.returned": ("样品已归还", "Piece returned"),
        "gift.handed_out": ("礼品已送出", "Gift handed out")}),
)
