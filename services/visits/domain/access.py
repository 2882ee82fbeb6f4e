"""Who may see a visit or a claim: a developer their own, these roles every one."""
from kam.records import Visibility

VISITS = Visibility("visit", everyone=("manager", "coordinator", "planner", "analyst"), owners=("visitor_id", "customer_owner_id"))
CLAIMS = Visibility("expense claim", everyone=("manager", "analyst"), owners=("claimant_id",))
