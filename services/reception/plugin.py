from pathlib import Path

from kam.plugins import ServicePlugin

plugin = ServicePlugin(
    name="reception",
    description="客户接待、成交与配送、售后服务与定期回访",
    vocabularies="services.reception.vocabularies:VOCABULARIES",
    messages="services.reception.messages:MESSAGES",
    service="services.reception.service:ReceptionService",
    blueprint="services.reception.api:blp",
    metadata="services.reception.models:metadata",
    migrations=Path(__file__).parent / "migrations",
    contracts="services.reception.contracts",
    demo="services.reception.demo:load",
    demo_needs=("customers",),
)
