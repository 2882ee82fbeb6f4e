"""HTTP routes of the analytics service."""
from kam.web import Blueprint, rpc
from services.analytics.schemas import Overview

blp = Blueprint("analytics", __name__, url_prefix="/api/analytics", description="数据分析 Analytics")


@blp.route("/overview", methods=["GET"])
@blp.response(200, Overview)
def overview():
    """The department's headline counts, fed only by events."""
    return rpc("analytics").overview()
