"""The department's users: the admin adds them, changes their role or name, disables them and resets their
password; each change ends the user's sessions at once. Colleagues see names and roles only."""
from flask import current_app, g
from marshmallow import Schema, fields, validate, validates_schema
from marshmallow import ValidationError as SchemaError

from gateway.auth import require_role
from kam.errors import Conflict
from kam.identity import ROLES
from kam.web import Blueprint

blp = Blueprint("users", __name__, url_prefix="/api", description="用户 Users")


class UserIn(Schema):
    username = fields.String(required=True, validate=validate.Length(min=1, max=64))
    password = fields.String(required=True, load_only=True, validate=validate.Length(min=8))
    role = fields.String(required=True, validate=validate.OneOf(ROLES))
    display_name = fields.String(load_default=None, validate=validate.Length(max=100))


class UserPatch(Schema):
    role = fields.String(validate=validate.OneOf(ROLES))
    display_name = fields.String(validate=validate.Length(min=1, max=100))
    disabled = fields.Boolean()

    @validates_schema
    def not_empty(self, data, **kwargs):
        if not data:
            raise SchemaError("至少修改一项 change at least one of role, display_name, disabled", "_schema")


class PasswordIn(Schema):
    password = fields.String(required=True, load_only=True, validate=validate.Length(min=8))


class UserOut(Schema):
    """`username` and `disabled` for the admin only."""

    id = fields.String()
    username = fields.String()
    role = fields.String()
    display_name = fields.String()
    disabled = fields.Boolean()


class UserList(Schema):
    items = fields.List(fields.Nested(UserOut))
    next_cursor = fields.String(allow_none=True)


def _users():
    return current_app.extensions["kam.users"]


@blp.route("/users", methods=["POST"])
@blp.arguments(UserIn)
@blp.response(201, UserOut)
def create_user(data):
    """Add a user (admin only)."""
    require_role("admin")
    return _users().add(**data).as_admin_sees()


@blp.route("/users", methods=["GET"])
@blp.response(200, UserList)
def list_users():
    """Everyone in the department, for names and assignment; usernames only for the admin; whether an
    account is disabled for the admin and managers (who hand a leaver's customers over)."""
    role = g.identity["role"]
    shown = (lambda user: user.as_admin_sees()) if role == "admin" else (
        lambda user: {**user.as_colleagues_see(), "disabled": user.disabled}) if role == "manager" else (
        lambda user: user.as_colleagues_see())
    return {"items": [shown(user) for user in _users().all()], "next_cursor": None}


@blp.route("/users/<user_id>", methods=["PATCH"])
@blp.arguments(UserPatch)
@blp.response(200, UserOut)
@blp.alt_response(409, description="`own_account`: the admin may not disable or demote themself")
def change_user(data, user_id):
    """`{"role"}`, `{"display_name"}` and/or `{"disabled": true}` (admin only); the user's tokens stop working."""
    require_role("admin")
    if user_id == g.identity["user_id"] and (data.get("disabled") or data.get("role", "admin") != "admin"):
        raise Conflict("不能停用自己或改变自己的角色 you may not disable or demote yourself", code="own_account")
    return _users().change(user_id, **data).as_admin_sees()


@blp.route("/users/<user_id>/reset-password", methods=["POST"])
@blp.arguments(PasswordIn)
@blp.response(204)
def reset_password(data, user_id):
    """A new password (admin only); the user's tokens stop working."""
    require_role("admin")
    _users().reset_password(user_id, data["password"])
