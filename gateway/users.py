"""Users of the gateway: argon2id hashes, a token version that a change of role, password or status bumps,
and failed logins that slow the next try down (gateway/throttle.py)."""
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from gateway import throttle
from gateway.models import login_failures, users
from kam.db import make_engine, new_id, utcnow
from kam.errors import Conflict, Invalid, NotFound
from kam.identity import ROLES

TooManyAttempts = throttle.TooManyAttempts
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
_DUMMY_HASH = _hasher.hash("timing-equaliser")


@dataclass(frozen=True)
class User:
    id: str
    username: str
    role: str
    display_name: str
    token_version: int = 0
    disabled: bool = False

    def as_dict(self):
        return {"id": self.id, "username": self.username, "role": self.role, "display_name": self.display_name}

    def as_admin_sees(self):
        return {**self.as_dict(), "disabled": self.disabled}

    def as_colleagues_see(self):
        return {"id": self.id, "display_name": self.display_name, "role": self.role}


def check_new_user(username, password, role):
    errors = {}
    if not username or len(username) > 64 or not username.replace("_", "").replace(".", "").replace("-", "").isalnum():
        errors["username"] = ["1–64 letters, digits, '.', '_' or '-'"]
    if not password or len(password) < 8:
        errors["password"] = ["at least 8 characters"]
    if role not in ROLES:
        errors["role"] = [f"one of {', '.join(ROLES)}"]
    if errors:
        raise Invalid("用户信息无效 invalid user", errors=errors)


class UserStore:
    def __init__(self, settings):
        url, schema = settings.database_for("gateway")
        self.engine = make_engine(url, schema)

    def add(self, username, password, role, display_name=None):
        check_new_user(username, password, role)
        row = {"id": new_id(), "username": username, "password_hash": _hasher.hash(password), "role": role,
               "display_name": display_name or username, "created_at": utcnow(), "token_version": 0,
               "disabled": False}
        try:
            with self.engine.begin() as connection:
                connection.execute(insert(users).values(**row))
        except IntegrityError as error:
            raise Conflict(f"用户名已存在 user {username!r} exists", code="username_taken") from error
        return user_from_row(row)

    def get(self, user_id):
        with self.engine.connect() as connection:
            row = connection.execute(select(users).where(users.c.id == user_id)).mappings().first()
        return user_from_row(row) if row else None

    def all(self):
        with self.engine.connect() as connection:
            rows = connection.execute(select(users).order_by(users.c.username)).mappings().all()
        return [user_from_row(row) for row in rows]

    def change(self, user_id, **values):
        """Role, display name or disabled; every older token of the user stops working at once."""
        return self._bump(user_id, values)

    def reset_password(self, user_id, password):
        if not password or len(password) < 8:
            raise Invalid("密码太短 password too short", errors={"password": ["at least 8 characters"]})
        return self._bump(user_id, {"password_hash": _hasher.hash(password)})

    def _bump(self, user_id, values):
        with self.engine.begin() as connection:
            row = connection.execute(update(users).where(users.c.id == user_id)
                                     .values(**values, token_version=users.c.token_version + 1)
                                     .returning(*users.c)).mappings().first()
        if row is None:
            raise NotFound("用户不存在 no such user")
        return user_from_row(row)

    def authenticate(self, username, password, address):
        """The user if the password is right (disabled or not); None if not; TooManyAttempts if too soon."""
        now = utcnow()
        with self.engine.begin() as connection:
            throttle.refuse_if_too_soon(connection, username, address, now)
            row = connection.execute(select(users).where(users.c.username == username)).mappings().first()
            if row is not None and _verifies(row["password_hash"], password):
                connection.execute(delete(login_failures).where(login_failures.c.username == username))
                return user_from_row(row)
            if row is None:
                _verifies(_DUMMY_HASH, password)
            throttle.record_failure(connection, username, address, now)
        return None


def _verifies(password_hash, password):
    try:
        return _hasher.verify(password_hash, password)
    except VerificationError:
        return False


def user_from_row(row):
    return User(row["id"], row["username"], row["role"], row["display_name"], row["token_version"],
                bool(row["disabled"]))
