"""The service's one blueprint; its routes live in api.py (visits) and api_claims.py (expense claims)."""
from kam.web import Blueprint

blp = Blueprint("visits", __name__, url_prefix="/api", description="拜访计划、审批、拜访记录、总结与费用报销")
