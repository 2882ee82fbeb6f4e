"""Receipts attached to a claim: checked by their content, stored as files beside the data."""
import base64
import hashlib

from sqlalchemy import insert

from kam.db import new_id
from kam.errors import NotFound
from kam.records import load
from services.visits.domain import claims as claim_rules
from services.visits.domain.access import CLAIMS
from services.visits.domain.receipts import checked_receipt
from services.visits.models import claims, receipts


def attach_receipt(uow, actor, now, *, claim_id, upload, receipt_files):
    """`upload`: {filename, content_type, content_b64}; the claimant attaches until the claim is decided."""
    claim = CLAIMS.ensure_owner(actor, CLAIMS.load(uow.session, claims, actor, claim_id, lock=True), "claimant_id")
    claim_rules.ensure_receipts_open(claim)
    content = base64.b64decode(upload["content_b64"])
    content_type, extension = checked_receipt(content, upload.get("content_type"))
    receipt_id = new_id()
    stored_as = receipt_files.save(claim_id, f"{receipt_id}.{extension}", content)
    receipt = {"id": receipt_id, "claim_id": claim_id, "filename": (upload.get("filename") or "")[:255] or None,
               "content_type": content_type, "size": len(content), "sha256": hashlib.sha256(content).hexdigest(),
               "stored_as": stored_as, "uploaded_by": actor.user_id, "created_at": now}
    uow.session.execute(insert(receipts).values(**receipt))
    return receipt


def read_receipt(session, actor, now, *, claim_id, receipt_id, receipt_files):
    CLAIMS.load(session, claims, actor, claim_id)
    receipt = load(session, receipts, receipt_id, "receipt")
    if receipt["claim_id"] != claim_id:
        raise NotFound("no such receipt")
    content = receipt_files.read(receipt["stored_as"])
    return {**receipt, "content_b64": base64.b64encode(content).decode()}
