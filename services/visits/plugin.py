from pathlib import Path

from kam.plugins import ServicePlugin

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
)
