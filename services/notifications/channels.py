"""Channels that carry a notification beyond the in-app inbox; one class per channel, chosen by name."""
import logging
import os
import smtplib
from dataclasses import dataclass
from email.header import Header
from email.mime.text import MIMEText
from email.utils import formataddr

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Message:
    title: str
    body: str


class Channel:
    """`send(recipient, message)`: the recipient is the address this channel needs (e-mail, phone…)."""

    name = ""

    def send(self, recipient, message):
        raise NotImplementedError


class InAppChannel(Channel):
    """The inbox row is the delivery: every notification is stored there before any channel runs."""

    name = "in_app"

    def send(self, recipient, message):
        pass


class EmailChannel(Channel):
    name = "email"

    def __init__(self, host, port, sender, timeout=10):
        self.host, self.port, self.sender, self.timeout = host, port, sender, timeout

    def send(self, recipient, message):
        mail = MIMEText(message.body, "plain", "utf-8")
        mail["Subject"] = Header(message.title, "utf-8")
        mail["From"] = formataddr((str(Header("大客户部提醒", "utf-8")), self.sender))
        mail["To"] = recipient
        with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
            smtp.send_message(mail)


class LoggingChannel(Channel):
    """SMS and WeChat: the interface a gateway provider plugs into; until one is contracted, a log line.
    It names neither the recipient nor the text: logs are kept longer, and read by more people, than
    personal data may be (PIPL)."""

    def send(self, recipient, message):
        log.info("%s: a message of %d characters, not sent (no provider configured)", self.name, len(message.body))


class SmsChannel(LoggingChannel):
    name = "sms"


class WeChatChannel(LoggingChannel):
    name = "wechat"


def channels_from(config, env=None):
    """The channel registry: e-mail only when an SMTP host is configured (KAM_SMTP_HOST/PORT/FROM)."""
    env = os.environ if env is None else env

    def setting(key, default=None):
        return config.get(key) or env.get(key) or default

    registry = {channel.name: channel for channel in (InAppChannel(), SmsChannel(), WeChatChannel())}
    if setting("KAM_SMTP_HOST"):
        registry["email"] = EmailChannel(setting("KAM_SMTP_HOST"), int(setting("KAM_SMTP_PORT", 25)),
                                         setting("KAM_SMTP_FROM", "kam@localhost"))
    return registry
