"""Authentication: tokens for users, and the caller's identity on every request."""
from flask import current_app, g, request
from flask_smorest import abort
from marshmallow import Schema, fields, validate

from gateway.tokens import BadToken, issue_token, read_token
from gateway.users import TooManyAttempts
from kam.identity import ROLES
from kam.web import Blueprint

OPEN_PATHS = ("/api/health", "/api/auth/token", "/api/openapi.json", "/api/docs")

blp = Blueprint("auth", __name__, url_prefix="/api", description="登录与用户 Auth and users")


class TokenRequest(Schema):
    username = fields.String(required=True)
    password = fields.String(required=True, load_only=True)


class TokenResponse(Schema):
    access_token = fields.String()
    token_type = fields.String()
    expires_in = fields.Integer()


class UserIn(Schema):
    username = fields.String(required=True, validate=validate.Length(min=1, max=64))
    password = fields.String(required=True, load_only=True, validate=validate.Length(min=8))
    role = fields.String(required=True, validate=validate.OneOf(ROLES))
    display_name = fields.String(load_default=None, validate=validate.Length(max=100))


class UserOut(Schema):
    id = fields.String()
    username = fields.String()
    role = fields.String()
    display_name = fields.String()


class UserList(Schema):
    items = fields.List(fields.Nested(UserOut))
    next_cursor = fields.String(allow_none=True)


def authenticate_request():
    """before_request: every /api call but the open ones needs a valid bearer token."""
    if not request.path.startswith("/api/") or request.path.startswith(OPEN_PATHS):
        return
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        abort(401, message="a bearer token is required")
    try:
        claims = read_token(token.strip(), current_app.extensions["kam.settings"])
    except BadToken as error:
        abort(401, message=f"invalid token: {error}")
    g.identity = {"user_id": claims["sub"], "role": claims["role"], "display_name": claims.get("name")}
    g.claims = claims


def require_role(*roles):
    if g.identity["role"] not in roles:
        abort(403, message="your role may not do this")


@blp.route("/auth/token", methods=["POST"])
@blp.arguments(TokenRequest)
@blp.response(200, TokenResponse)
def create_token(data):
    """Log in with a username and password; returns a bearer token."""
    store = current_app.extensions["kam.users"]
    try:
        user = store.authenticate(data["username"], data["password"], request.remote_addr or "-")
    except TooManyAttempts as error:
        abort(429, message="too many failed logins; try again later", code="too_many_attempts", headers={"Retry-After": str(error.retry_after)})
    if user is None:
        abort(401, message="wrong username or password")
    settings = current_app.extensions["kam.settings"]
    return {"access_token": issue_token(user, settings), "token_type": "bearer",
            "expires_in": settings.token_ttl_seconds}


@blp.route("/me", methods=["GET"])
@blp.response(200, UserOut)
def me():
    user = current_app.extensions["kam.users"].get(g.identity["user_id"])
    if user is None:
        abort(401, message="this user no longer exists")
    return user.as_dict()


@blp.route("/users", methods=["POST"])
@blp.arguments(UserIn)
@blp.response(201, UserOut)
def create_user(data):
    """Add a user (admin only)."""
    require_role("admin")
    return current_app.extensions["kam.users"].add(**data).as_dict()


@blp.route("/users", methods=["GET"])
@blp.response(200, UserList)
def list_users():
    """Everyone in the department, for names and assignment."""
    return {"items": [user.as_dict() for user in current_app.extensions["kam.users"].all()], "next_cursor": None}
