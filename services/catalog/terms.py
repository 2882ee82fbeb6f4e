"""The catalog's vocabularies, shared by its domain, its tables and its payloads."""
KINDS = ("ring", "necklace", "earrings", "bracelet", "pendant", "loose_stone", "gift")
TRACKINGS = ("piece", "stock")
PIECE_STATUSES = ("in_stock", "reserved", "checked_out", "sold")
RESERVATION_STATUSES = ("reserved", "checked_out", "returned", "cancelled", "sold")
HELD = ("reserved", "checked_out")  # a reservation that still holds its piece
RESERVED_FOR = ("visit", "reception")
CUSTOMER_CATEGORIES = ("important", "high_value", "group_purchase", "strategic", "potential")

EDITORS = ("analyst", "manager")
READERS = ("admin", "manager", "developer", "coordinator", "planner", "analyst")
COORDINATOR = "coordinator"
OVERDUE_AFTER_DAYS = 1
MAX_IMAGES_PER_PRODUCT = 12
