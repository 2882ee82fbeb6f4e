"""JWT access tokens: HS256 only, with `exp` and `aud` always checked."""
import time

import jwt

ALGORITHM = "HS256"
ISSUER = "kam-gateway"


class BadToken(Exception):
    pass


def issue_token(user, settings, now=None):
    now = int(now if now is not None else time.time())
    claims = {"sub": user.id, "role": user.role, "name": user.display_name, "iss": ISSUER,
              "aud": settings.token_audience, "iat": now, "exp": now + settings.token_ttl_seconds}
    return jwt.encode(claims, settings.secret_key, algorithm=ALGORITHM)


def read_token(token, settings):
    try:
        return jwt.decode(token, settings.secret_key, algorithms=[ALGORITHM], audience=settings.token_audience,
                          issuer=ISSUER, options={"require": ["exp", "aud", "sub", "iat"]})
    except jwt.PyJWTError as error:
        raise BadToken(str(error)) from error
