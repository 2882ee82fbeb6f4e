"""What this service reads from its configuration: its timings, its channels and its timer."""
import os
from datetime import timedelta

from nameko.extensions import DependencyProvider
from nameko.timer import Timer

from services.notifications.channels import channels_from
from services.notifications.domain import Policy

DEFAULT_INTERVAL = 60.0


def _numbers(text):
    return tuple(int(part) for part in text.split(",") if part.strip())


def policy_from(config, env=None):
    """A Policy in the nameko config (`KAM_NOTIFICATIONS_POLICY`), else the defaults with these overrides:
    KAM_RETURN_VISIT_DAYS ("7,30,180"), KAM_RETURN_VISIT_YEARLY ("1"/"0"), KAM_ANNIVERSARY_LEADS ("60,30"),
    KAM_BIRTHDAY_LEADS ("" = no birthday outreach), KAM_SNOOZE_LIMIT_DAYS ("14")."""
    if config.get("KAM_NOTIFICATIONS_POLICY"):
        return config["KAM_NOTIFICATIONS_POLICY"]
    env = os.environ if env is None else env
    overrides = {}
    if env.get("KAM_RETURN_VISIT_DAYS"):
        overrides["return_visit_offsets"] = tuple(timedelta(days=d) for d in _numbers(env["KAM_RETURN_VISIT_DAYS"]))
    if env.get("KAM_RETURN_VISIT_YEARLY"):
        overrides["return_visit_yearly"] = env["KAM_RETURN_VISIT_YEARLY"] not in ("0", "false", "no")
    if env.get("KAM_ANNIVERSARY_LEADS"):
        overrides["anniversary_leads"] = _numbers(env["KAM_ANNIVERSARY_LEADS"])
    if env.get("KAM_BIRTHDAY_LEADS"):
        overrides["birthday_leads"] = _numbers(env["KAM_BIRTHDAY_LEADS"])
    if env.get("KAM_SNOOZE_LIMIT_DAYS"):
        overrides["snooze_limit"] = timedelta(days=int(env["KAM_SNOOZE_LIMIT_DAYS"]))
    return Policy(**overrides)


class PolicyProvider(DependencyProvider):
    def setup(self):
        self.policy = policy_from(self.container.config)

    def get_dependency(self, worker_ctx):
        return self.policy


class Channels(DependencyProvider):
    """{name: Channel}; e-mail only when SMTP is configured (config or env KAM_SMTP_HOST/PORT/FROM)."""

    def setup(self):
        self.channels = channels_from(self.container.config)

    def get_dependency(self, worker_ctx):
        return self.channels


class DueWorkTimer(Timer):
    """nameko's timer, every 60 s unless `KAM_DUE_WORK_INTERVAL` (config or env) says otherwise."""

    def setup(self):
        configured = self.container.config.get("KAM_DUE_WORK_INTERVAL") or os.environ.get("KAM_DUE_WORK_INTERVAL")
        self.interval = float(configured or self.interval)
        super().setup()


due_work_timer = DueWorkTimer.decorator
