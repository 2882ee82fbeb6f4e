from pathlib import Path

from kam.plugins import ServicePlugin

plugin = ServicePlugin(
    name="events",
    description="大客户活动与俱乐部：预算审批、邀约、回复、签到与活动效果",
    vocabularies="services.events.vocabularies:VOCABULARIES",
    messages="services.events.messages:MESSAGES",
    service="services.events.service:EventsService",
    blueprint="services.events.api:blp",
    metadata="services.events.models:metadata",
    migrations=Path(__file__).parent / "migrations",
    contracts="services.events.contracts",
    demo="services.events.demo:load",
    demo_needs=("customers",),
    console_areas=(("events", ("planner", "manager")), ("invite", ("developer",))),
)
