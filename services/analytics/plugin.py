from pathlib import Path

from kam.plugins import ServicePlugin
from services.analytics.terms import DEPARTMENT_READERS, EVENT_READERS, READERS

plugin = ServicePlugin(
    name="analytics",
    description="由事件驱动的部门数据：漏斗、开发人员与客户指标、来源渠道与类别、定期开发情况总结报告",
    vocabularies="services.analytics.vocabularies:VOCABULARIES",
    messages="services.analytics.messages:MESSAGES",
    service="services.analytics.service:AnalyticsService",
    blueprint="services.analytics.api:blp",
    metadata="services.analytics.models:metadata",
    migrations=Path(__file__).parent / "migrations",
    contracts="services.analytics.contracts",
    commands="services.analytics.cli",
    console_areas=(("analytics", READERS), ("analytics.report", DEPARTMENT_READERS),
                   ("analytics.events", EVENT_READERS)),
)
