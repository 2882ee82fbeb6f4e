from pathlib import Path

from kam.plugins import ServicePlugin
from services.visits.domain.access import CLAIMS, VISITS
from services.visits.terms import SUPPORTER_ROLES

plugin = ServicePlugin(
    name="visits",
    description="拜访计划、审批、拜访记录、总结与费用报销",
    vocabularies="services.visits.vocabularies:VOCABULARIES",
    messages="services.visits.messages:MESSAGES",
    service="services.visits.service:VisitsService",
    blueprint="services.visits.api:blp",
    metadata="services.visits.models:metadata",
    migrations=Path(__file__).parent / "migrations",
    contracts="services.visits.contracts",
    demo="services.visits.demo:load",
    demo_needs=("customers",),
    console_areas=(("visits", (*VISITS.everyone, "developer")), ("visits.plan", ("developer",)),
                   ("claims", (*CLAIMS.everyone, "developer", "planner")), ("claims.file", ("developer",)),
                   ("claims.event", SUPPORTER_ROLES), ("visits.support", SUPPORTER_ROLES),
                   ("approvals", ("manager",)), ("logistics", ("coordinator", "manager")),
                   ("hospitality", ("manager", "developer", "coordinator", "planner", "analyst")),
                   ("hospitality.write", ("manager",))),
)
