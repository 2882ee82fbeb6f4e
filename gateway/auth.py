"""Authentication: log in, refresh, log out, and the caller's identity on every request, checked against
the user's token version and session each time, so a change or a logout takes effect at once."""
from flask import current_app, g, request
from flask_smorest import abort
from marshmallow import Schema, fields

from gateway.console.areas import areas_of
from gateway.tokens import BadToken, issue_refresh_token, issue_token, read_token
from gateway.users import TooManyAttempts
from kam.web import Blueprint

OPEN_PATHS = ("/api/health", "/api/auth/token", "/api/auth/refresh", "/api/auth/logout", "/api/openapi.json",
              "/api/docs")

blp = Blueprint("auth", __name__, url_prefix="/api", description="登录 Auth")


class TokenRequest(Schema):
    username = fields.String(required=True)
    password = fields.String(required=True, load_only=True)


class RefreshRequest(Schema):
    refresh_token = fields.String(required=True, load_only=True)


class LogoutRequest(Schema):
    refresh_token = fields.String(load_default=None, load_only=True)


class TokenResponse(Schema):
    access_token = fields.String()
    token_type = fields.String()
    expires_in = fields.Integer()
    refresh_token = fields.String()


class MeOut(Schema):
    id = fields.String()
    username = fields.String()
    role = fields.String()
    display_name = fields.String()
    areas = fields.List(fields.String(), metadata={"description": "the console areas this role may use"})
    time_zone = fields.String(metadata={"description": "the department's time zone (KAM_TIME_ZONE)"})


def _settings():
    return current_app.extensions["kam.settings"]


def _sessions():
    return current_app.extensions["kam.sessions"]


def authenticate_request():
    """before_request: every /api call but the open ones needs a current access token."""
    if not request.path.startswith("/api/") or request.path.startswith(OPEN_PATHS):
        return
    claims = _bearer_claims()
    if claims is None:
        abort(401, message="需要登录 a bearer token is required")
    user = _sessions().current_user(claims)
    if user is None:
        abort(401, message="登录已失效，请重新登录 this token is no longer valid; log in again")
    g.identity = {"user_id": user.id, "role": user.role, "display_name": user.display_name}
    g.claims = claims


def _bearer_claims():
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    try:
        return read_token(token.strip(), _settings())
    except BadToken as error:
        abort(401, message=f"令牌无效 invalid token: {error}")


def require_role(*roles):
    if g.identity["role"] not in roles:
        abort(403, message="你的角色不能这样做 your role may not do this")


def _token_pair(user, session_id, jti):
    settings = _settings()
    return {"access_token": issue_token(user, session_id, settings), "token_type": "bearer",
            "expires_in": settings.token_ttl_seconds,
            "refresh_token": issue_refresh_token(user, session_id, jti, settings)}


@blp.route("/auth/token", methods=["POST"])
@blp.arguments(TokenRequest)
@blp.response(200, TokenResponse)
@blp.alt_response(401, description="wrong username or password, or a disabled account")
@blp.alt_response(429, description="too many failed logins: wait Retry-After seconds (1, 2, 4, … at most 60)")
def create_token(data):
    """Log in with a username and password: a short-lived access token and a refresh token."""
    store = current_app.extensions["kam.users"]
    try:
        user = store.authenticate(data["username"], data["password"], request.remote_addr or "-")
    except TooManyAttempts as error:
        abort(429, message="失败次数过多，请稍后再试 too many failed logins; try again later",
              code="too_many_attempts", headers={"Retry-After": str(error.retry_after)})
    if user is None:
        abort(401, message="用户名或密码错误 wrong username or password")
    if user.disabled:
        abort(401, message="账号已停用 this account is disabled", code="account_disabled")
    return _token_pair(user, *_sessions().start(user))


@blp.route("/auth/refresh", methods=["POST"])
@blp.arguments(RefreshRequest)
@blp.response(200, TokenResponse)
@blp.alt_response(401, description="the refresh token is expired, used already, or its session has ended")
def refresh_token(data):
    """A new access token and refresh token for a refresh token; each refresh token works once."""
    try:
        claims = read_token(data["refresh_token"], _settings(), kind="refresh")
    except BadToken as error:
        abort(401, message=f"令牌无效 invalid token: {error}")
    refreshed = _sessions().refresh(claims)
    if refreshed is None:
        abort(401, message="登录已失效，请重新登录 this session has ended; log in again")
    user, jti = refreshed
    return _token_pair(user, claims["sid"], jti)


@blp.route("/auth/logout", methods=["POST"])
@blp.arguments(LogoutRequest)
@blp.response(204)
@blp.alt_response(401, description="neither a valid access token nor a valid refresh token")
def logout(data):
    """End this session: its access and refresh tokens stop working at once. Send the bearer token, or
    `{"refresh_token"}` when the access token has expired."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    candidates = [(token.strip(), "access")] if scheme.lower() == "bearer" else []
    candidates += [(data["refresh_token"], "refresh")] if data.get("refresh_token") else []
    for candidate, kind in candidates:
        try:
            claims = read_token(candidate, _settings(), kind=kind)
        except BadToken:
            continue
        _sessions().end(claims["sid"])
        return
    abort(401, message="需要有效的令牌 a valid bearer token or refresh token is required")


@blp.route("/me", methods=["GET"])
@blp.response(200, MeOut)
def me():
    """The caller, the console areas their role may use, and the department's time zone for its dates."""
    user = current_app.extensions["kam.users"].get(g.identity["user_id"])
    return {**user.as_dict(), "areas": areas_of(user.role, current_app.extensions["kam.console_areas"]),
            "time_zone": _settings().time_zone}
