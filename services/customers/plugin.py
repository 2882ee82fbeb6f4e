from pathlib import Path

from kam.plugins import ServicePlugin
from services.customers.domain.access import READERS_OF_ALL, WRITERS

plugin = ServicePlugin(
    name="customers",
    description="客户档案、分类、人脉网络、开发评估与开发方案",
    vocabularies="services.customers.vocabularies:VOCABULARIES",
    messages="services.customers.messages:MESSAGES",
    service="services.customers.service:CustomersService",
    blueprint="services.customers.api:blp",
    metadata="services.customers.models:metadata",
    migrations=Path(__file__).parent / "migrations",
    contracts="services.customers.contracts",
    demo="services.customers.demo:load",
    commands="services.customers.cli",
    console_areas=(("customers", (*READERS_OF_ALL, "developer")), ("customers.write", WRITERS),
                   ("plans", WRITERS),
                   ("customers.erase", ("manager",)),
                   ("customers.transfer", ("manager",))),
)
