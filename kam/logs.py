"""JSON logs, one object a line, with the request id wherever one is known."""
import json
import logging
import os
import sys
from contextvars import ContextVar

request_id_var = ContextVar("request_id", default=None)


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "at": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None) or request_id_var.get()
        if request_id:
            entry["request_id"] = request_id
        for key in ("method", "path", "status", "duration_ms", "user_id", "service", "entrypoint"):
            if hasattr(record, key):
                entry[key] = getattr(record, key)
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure(level=None):
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level or os.environ.get("KAM_LOG_LEVEL", "INFO").upper())
    for noisy in ("amqp", "kombu", "nameko", "werkzeug", "alembic", "sqlalchemy", "urllib3", "eventlet"):
        logging.getLogger(noisy).setLevel("WARNING")
