"""The web console: a static single-page app served at `/`, built on the public HTTP API alone."""
from pathlib import Path

from flask import Blueprint, send_from_directory

STATIC = Path(__file__).parent / "static"

blp = Blueprint("console", __name__)


@blp.route("/")
def index():
    response = send_from_directory(STATIC, "index.html", max_age=0)
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
        "connect-src 'self'; frame-ancestors 'none'")
    return response


@blp.route("/console/<path:filename>")
def asset(filename):
    return send_from_directory(STATIC, filename, max_age=300)
