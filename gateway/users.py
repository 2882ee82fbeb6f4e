"""Users of the gateway: argon2id hashes, and failed logins counted against a window."""
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.exc import IntegrityError

from gateway.models import login_failures, users
from kam.db import make_engine, new_id, utcnow
from kam.errors import Conflict, Invalid
from kam.identity import ROLES

MAX_FAILURES_PER_USER = 5
MAX_FAILURES_PER_ADDRESS = 20
FAILURE_WINDOW = timedelta(minutes=15)
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
_DUMMY_HASH = _hasher.hash("timing-equaliser")


class TooManyAttempts(Exception):
    def __init__(self, retry_after):
        super().__init__("too many failed logins")
        self.retry_after = retry_after


@dataclass(frozen=True)
class User:
    id: str
    username: str
    role: str
    display_name: str

    def as_dict(self):
        return {"id": self.id, "username": self.username, "role": self.role, "display_name": self.display_name}


def check_new_user(username, password, role):
    errors = {}
    if not username or len(username) > 64 or not username.replace("_", "").replace(".", "").replace("-", "").isalnum():
        errors["username"] = ["1–64 letters, digits, '.', '_' or '-'"]
    if not password or len(password) < 8:
        errors["password"] = ["at least 8 characters"]
    if role not in ROLES:
        errors["role"] = [f"one of {', '.join(ROLES)}"]
    if errors:
        raise Invalid("invalid user", errors=errors)


class UserStore:
    def __init__(self, settings):
        url, schema = settings.database_for("gateway")
        self.engine = make_engine(url, schema)

    def add(self, username, password, role, display_name=None):
        check_new_user(username, password, role)
        row = {"id": new_id(), "username": username, "password_hash": _hasher.hash(password), "role": role,
               "display_name": display_name or username, "created_at": utcnow()}
        try:
            with self.engine.begin() as connection:
                connection.execute(insert(users).values(**row))
        except IntegrityError as error:
            raise Conflict(f"user {username!r} exists", code="username_taken") from error
        return _user(row)

    def get(self, user_id):
        with self.engine.connect() as connection:
            row = connection.execute(select(users).where(users.c.id == user_id)).mappings().first()
        return _user(row) if row else None

    def all(self):
        with self.engine.connect() as connection:
            rows = connection.execute(select(users).order_by(users.c.username)).mappings().all()
        return [_user(row) for row in rows]

    def authenticate(self, username, password, address):
        """The user if the password is right; None if not; TooManyAttempts while locked out."""
        now = utcnow()
        with self.engine.begin() as connection:
            self._refuse_if_locked(connection, username, address, now)
            row = connection.execute(select(users).where(users.c.username == username)).mappings().first()
            if row is not None and _verifies(row["password_hash"], password):
                connection.execute(delete(login_failures).where(login_failures.c.username == username))
                return _user(row)
            if row is None:
                _verifies(_DUMMY_HASH, password)
            connection.execute(insert(login_failures).values(username=username, address=address, at=now))
        return None

    def _refuse_if_locked(self, connection, username, address, now):
        since = now - FAILURE_WINDOW
        by_user, by_address = connection.execute(select(
            func.count().filter(login_failures.c.username == username),
            func.count().filter(login_failures.c.address == address),
        ).where(login_failures.c.at > since, or_(login_failures.c.username == username,
                                                  login_failures.c.address == address))).one()
        if by_user >= MAX_FAILURES_PER_USER or by_address >= MAX_FAILURES_PER_ADDRESS:
            raise TooManyAttempts(retry_after=int(FAILURE_WINDOW.total_seconds()))


def _verifies(password_hash, password):
    try:
        return _hasher.verify(password_hash, password)
    except VerificationError:
        return False


def _user(row):
    return User(row["id"], row["username"], row["role"], row["display_name"])
