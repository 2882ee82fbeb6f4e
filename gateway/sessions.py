"""Sessions: one per login, ended by logout or by a change to its user. Each holds the one refresh token
that may be used next; using an older one again means a copy is about, and ends the session."""
from datetime import timedelta

from sqlalchemy import bindparam, insert, select, update

from gateway.models import sessions, users
from gateway.users import user_from_row
from kam.db import new_id, utcnow

# Built once: every authenticated request runs it, and building the expression cost more than running it.
LIVE_USER = (
    select(users.c.id, users.c.username, users.c.role, users.c.display_name, users.c.token_version,
           users.c.disabled)
    .join(sessions, sessions.c.user_id == users.c.id)
    .where(users.c.id == bindparam("sub"), sessions.c.id == bindparam("sid"),
           users.c.token_version == bindparam("ver"), users.c.disabled.is_(False),
           sessions.c.revoked_at.is_(None), sessions.c.expires_at > bindparam("now", type_=sessions.c.expires_at.type)))


class SessionStore:
    def __init__(self, engine, settings):
        self.engine = engine
        self.lifetime = timedelta(seconds=settings.refresh_ttl_seconds)

    def start(self, user):
        """(session id, refresh token id) for a user who has just logged in."""
        now, session_id, jti = utcnow(), new_id(), new_id()
        with self.engine.begin() as connection:
            connection.execute(insert(sessions).values(id=session_id, user_id=user.id, refresh_jti=jti,
                                                       created_at=now, expires_at=now + self.lifetime))
        return session_id, jti

    def current_user(self, claims):
        """The user a token's claims name, if the token is still good: same version, live session, enabled."""
        with self.engine.connect() as connection:
            row = self._live(connection, claims)
        return user_from_row(row) if row else None

    def refresh(self, claims):
        """(user, new refresh token id) for a good refresh token; None, and the session ended, otherwise."""
        now, jti = utcnow(), new_id()
        with self.engine.begin() as connection:
            row = self._live(connection, claims)
            if row is None:
                return None
            turned = connection.execute(
                update(sessions).where(sessions.c.id == claims["sid"], sessions.c.refresh_jti == claims.get("jti"))
                .values(refresh_jti=jti, expires_at=now + self.lifetime))
            if turned.rowcount != 1:
                connection.execute(update(sessions).where(sessions.c.id == claims["sid"]).values(revoked_at=now))
                return None
        return user_from_row(row), jti

    def end(self, session_id):
        with self.engine.begin() as connection:
            connection.execute(update(sessions).where(sessions.c.id == session_id, sessions.c.revoked_at.is_(None))
                               .values(revoked_at=utcnow()))

    def _live(self, connection, claims):
        return connection.execute(LIVE_USER, {"sub": claims["sub"], "sid": claims["sid"], "ver": claims["ver"],
                                              "now": utcnow()}).mappings().first()
