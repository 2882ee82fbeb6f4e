"""What an erased customer's logged events keep: ids, kinds, times and amounts, never identity or free text."""

IDENTIFYING = frozenset({
    "name", "key_dates", "holdings", "phone", "wechat", "email", "address", "place", "note", "notes",
    "reason", "reasons", "override_reason", "outcome", "topic", "content", "description", "referrer_id",
})


def scrub_envelope(envelope):
    """The envelope with every identifying or free-text field of its data removed."""
    data = {key: value for key, value in envelope["data"].items() if key not in IDENTIFYING}
    return {**envelope, "data": data}
