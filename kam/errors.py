"""Errors a service raises for its callers; they cross RPC intact and map to problem+json in one table."""
from nameko.exceptions import deserialize_to_instance


class KamError(Exception):
    code = "error"

    def __init__(self, detail="", code=None, errors=None, extra=None):
        super().__init__(detail, code or self.code, errors or {}, extra or {})

    @property
    def detail(self):
        return self.args[0]

    @property
    def error_code(self):
        return self.args[1]

    @property
    def errors(self):
        return self.args[2]

    @property
    def extra(self):
        """Plain facts the problem body carries beside `code` (ids, names: never translated)."""
        return self.args[3] if len(self.args) > 3 else {}

    def __str__(self):
        return f"{self.error_code}: {self.detail}"


@deserialize_to_instance
class NotFound(KamError):
    code = "not_found"


@deserialize_to_instance
class Forbidden(KamError):
    code = "forbidden"


@deserialize_to_instance
class Conflict(KamError):
    code = "conflict"


@deserialize_to_instance
class InvalidTransition(Conflict):
    code = "invalid_transition"


@deserialize_to_instance
class Invalid(KamError):
    code = "validation_failed"


@deserialize_to_instance
class UnsupportedMedia(Invalid):
    """An upload of a kind the API does not take (415)."""

    code = "unsupported_media_type"


class ContractViolation(Exception):
    """An event does not match its contract; never retried."""


@deserialize_to_instance
class ServiceUnavailable(KamError):
    """Another service did not answer in time (or is not running)."""

    code = "service_unavailable"
