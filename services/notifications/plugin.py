from pathlib import Path

from kam.plugins import ServicePlugin

plugin = ServicePlugin(
    name="notifications",
    description="任务、提醒与通知",
    vocabularies="services.notifications.vocabularies:VOCABULARIES",
    messages="services.notifications.messages:MESSAGES",
    service="services.notifications.service:NotificationsService",
    blueprint="services.notifications.api:blp",
    metadata="services.notifications.models:metadata",
    migrations=Path(__file__).parent / "migrations",
    contracts="services.notifications.contracts",
    demo="services.notifications.demo:load",
)
