"""JWTs: HS256 only, with `exp` and `aud` always checked. A short-lived access token for every request,
and a refresh token for /api/auth/refresh only; both name the session and the user's token version."""
import time

import jwt

ALGORITHM = "HS256"
ISSUER = "kam-gateway"
REQUIRED = ["exp", "aud", "sub", "iat", "sid", "ver", "typ"]


class BadToken(Exception):
    pass


def issue_token(user, session_id, settings, now=None):
    now = int(now if now is not None else time.time())
    return _encode({"sub": user.id, "role": user.role, "name": user.display_name, "sid": session_id,
                    "ver": user.token_version, "typ": "access"}, settings.token_ttl_seconds, settings, now)


def issue_refresh_token(user, session_id, jti, settings, now=None):
    now = int(now if now is not None else time.time())
    return _encode({"sub": user.id, "sid": session_id, "jti": jti, "ver": user.token_version, "typ": "refresh"},
                   settings.refresh_ttl_seconds, settings, now)


def read_token(token, settings, kind="access"):
    try:
        claims = jwt.decode(token, settings.secret_key, algorithms=[ALGORITHM], audience=settings.token_audience,
                            issuer=ISSUER, options={"require": REQUIRED})
    except jwt.PyJWTError as error:
        raise BadToken(str(error)) from error
    if claims["typ"] != kind:
        raise BadToken(f"a {kind} token is needed here")
    return claims


def _encode(claims, lifetime, settings, now):
    claims.update(iss=ISSUER, aud=settings.token_audience, iat=now, exp=now + lifetime)
    return jwt.encode(claims, settings.secret_key, algorithm=ALGORITHM)
