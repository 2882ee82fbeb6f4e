"""Receipts: a scan or a PDF, recognised by its first bytes, not by what the upload says it is."""
from kam.errors import Invalid
from services.visits.terms import MAX_RECEIPT_BYTES

SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"%PDF-", "application/pdf", "pdf"),
)


def sniffed_type(content):
    for magic, content_type, extension in SIGNATURES:
        if content.startswith(magic):
            return content_type, extension
    return None, None


def checked_receipt(content, declared_type):
    """(content type, file extension) of an acceptable receipt, else 422 naming the file."""
    if not content:
        raise Invalid("the receipt is empty", errors={"file": ["empty file"]})
    if len(content) > MAX_RECEIPT_BYTES:
        raise Invalid("the receipt is too large", errors={"file": [f"at most {MAX_RECEIPT_BYTES} bytes"]})
    content_type, extension = sniffed_type(content)
    if content_type is None:
        raise Invalid("a receipt is a JPEG, PNG or PDF file", errors={"file": ["not a JPEG, PNG or PDF file"]})
    if declared_type and declared_type.split(";")[0].strip() != content_type:
        raise Invalid("the file is not what its type says",
                      errors={"file": [f"declared {declared_type} but the content is {content_type}"]})
    return content_type, extension
