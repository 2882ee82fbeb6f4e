"""A person is entered once: the same phone or WeChat, however written, is the same customer."""
import re

from kam.errors import Conflict

_PHONE_NOISE = re.compile(r"[\s\-.()（）]")
_WECHAT_NOISE = re.compile(r"\s")
KEYED = {"phone": "phone_key", "wechat": "wechat_key"}


def phone_key(phone):
    """13812345678, +86 138-1234-5678, 0086 (138) 1234.5678 and 8613812345678 are one phone."""
    digits = _PHONE_NOISE.sub("", phone or "")
    for prefix in ("+86", "0086"):
        if digits.startswith(prefix):
            digits = digits[len(prefix):]
            break
    else:
        if len(digits) == 13 and digits.startswith("86"):
            digits = digits[2:]
    return digits or None


def wechat_key(wechat):
    """WeChat ids are not case-sensitive; spaces around or inside them are slips."""
    return _WECHAT_NOISE.sub("", wechat or "").lower() or None


def keys_of(values):
    """The comparison keys of the phone and WeChat among `values` (only of those given)."""
    keys = {}
    if "phone" in values:
        keys["phone_key"] = phone_key(values["phone"])
        keys["phone_tail"] = keys["phone_key"][::-1] if keys["phone_key"] else None  # searched by its last digits
    if "wechat" in values:
        keys["wechat_key"] = wechat_key(values["wechat"])
    return keys


def duplicate(field, existing, visible):
    """409 `duplicate_customer`. Whose a phone is, is no business of a developer who may not see the
    customer: they learn only that it exists and that a manager can hand it over."""
    errors = {field: ["already registered for another customer"]}
    if visible:
        name = existing["name"]
        return Conflict(f"this customer is already registered: {name}", code="duplicate_customer",
                        errors=errors,
                        extra={"existing_customer_id": existing["id"], "existing_customer_name": existing["name"]})
    return Conflict("this customer is already registered by another developer; a manager can transfer it to you",
                    code="duplicate_customer", errors=errors)
