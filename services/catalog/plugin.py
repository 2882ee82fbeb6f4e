from pathlib import Path

from kam.plugins import ServicePlugin

plugin = ServicePlugin(
    name="catalog",
    description="商品目录、图片、库存、样品预留与拜访资料包",
    vocabularies="services.catalog.vocabularies:VOCABULARIES",
    messages="services.catalog.messages:MESSAGES",
    service="services.catalog.service:CatalogService",
    blueprint="services.catalog.api:blp",
    metadata="services.catalog.models:metadata",
    migrations=Path(__file__).parent / "migrations",
    contracts="services.catalog.contracts",
    demo="services.catalog.demo:load",
    demo_needs=("customers", "visits"),
    console_areas=(("catalog", ("manager", "developer", "coordinator", "planner", "analyst")),
                   ("stock", ("manager", "analyst")), ("handout", ("coordinator", "manager"))),
)
