"""HTTP routes of the reception service (its domain arrives with its issue)."""
from kam.web import Blueprint

blp = Blueprint("reception", __name__, url_prefix="/api", description="客户接待、成交与配送、售后服务")
