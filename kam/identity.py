"""Who is calling: the originating user travels in nameko context data, and services decide on it."""
from dataclasses import dataclass

from kam.errors import Forbidden, NotFound

ROLES = ("admin", "manager", "developer", "coordinator", "planner", "analyst")
CONTEXT_KEYS = ("user_id", "role", "request_id", "display_name")


@dataclass(frozen=True)
class Actor:
    user_id: str | None
    role: str | None
    request_id: str | None = None
    display_name: str | None = None

    @classmethod
    def from_context(cls, data):
        return cls(data.get("user_id"), data.get("role"), data.get("request_id"), data.get("display_name"))

    @property
    def is_manager(self):
        return self.role == "manager"

    def as_dict(self):
        return {"user_id": self.user_id, "role": self.role}

    def require_role(self, *roles):
        """The caller's role may not do this at all: 403."""
        if self.role not in roles:
            raise Forbidden(f"role {self.role!r} may not do this", code="forbidden")

    def ensure_owner_or_manager(self, owner_id, what="record"):
        """A record the caller may not see is, to them, a record that does not exist: 404."""
        if self.is_manager or (owner_id is not None and owner_id == self.user_id):
            return
        raise NotFound(f"no such {what}")

    def sees_all(self, roles=("manager", "coordinator", "planner", "analyst")):
        return self.role in roles
