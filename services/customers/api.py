"""HTTP routes of the customers service; mounted by the gateway, they parse, call RPC and dump."""
from kam.web import Blueprint, rpc
from services.customers.schemas import CustomerIn, CustomerOut

blp = Blueprint("customers", __name__, url_prefix="/api/customers", description="客户档案 Customers")


@blp.route("", methods=["POST"])
@blp.arguments(CustomerIn)
@blp.response(201, CustomerOut)
def create_customer(data):
    """Register a customer; the caller becomes its owner.

    Example: `{"name": "王丽", "kind": "person", "category": "high_value"}`
    """
    return rpc("customers").create_customer(data)


@blp.route("/<customer_id>", methods=["GET"])
@blp.response(200, CustomerOut)
def get_customer(customer_id):
    return rpc("customers").get_customer(customer_id)
