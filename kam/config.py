"""Settings from the environment, read once per process."""
import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_AMQP_URI = "amqp://guest:guest@localhost:5672/"
# Public keys for tests and development; `kam serve` and `kam gateway` refuse them (kam/keys.py).
DEV_SECRET = "kam-dev-secret-change-me-in-production"
DEV_ENCRYPTION_KEY = "17EkAIk-ZCBZ-T-r9crGVyJFD8bGR1zG1U3khTmPlGI="  # what sha256(DEV_SECRET) gave before


DIRECT_SETTINGS = ("KAM_DIRECT_PORT_BASE", "KAM_DIRECT_HOST", "KAM_DIRECT_SECRET")


def _port_or_off(text):
    return int(text) if text and text.strip().lower() != "off" else None


def _float_list(text):
    return tuple(float(part) for part in text.split(",") if part.strip())


@dataclass(frozen=True)
class Settings:
    amqp_uri: str = DEFAULT_AMQP_URI
    data_dir: Path = Path("var")
    database_url: str | None = None
    secret_key: str = DEV_SECRET
    token_ttl_seconds: int = 15 * 60
    refresh_ttl_seconds: int = 8 * 3600
    token_audience: str = "kam"
    rpc_timeout: float = 10.0
    health_timeout: float = 3.0
    retry_delays: tuple = (0.2, 1.0, 5.0)
    relay_poll_seconds: float = 0.05
    rpc_pool_size: int = 16
    max_workers: int = 10
    db_pool_size: int = 5  # PostgreSQL connections a service instance keeps open...
    db_max_overflow: int = 5  # ...and opens beyond them when its workers are busy (docs/OPERATIONS.md)
    encryption_key: str = DEV_ENCRYPTION_KEY
    proxy_hops: int = 0
    clock_file: str | None = None
    direct_port_base: int | None = None  # the gateway calls services over HTTP (kam.direct) when set
    direct_host: str | None = None  # the address services listen on for direct calls (127.0.0.1)
    direct_addresses: dict = field(default_factory=dict)  # {service: "host:port"} of services elsewhere
    direct_secret: str | None = None  # every direct call carries it when set (kam.direct)
    local_calls: bool = False  # the gateway hosts the services' use cases itself (kam.local; kam dev's shape)
    time_zone: str = "Asia/Shanghai"  # the department's: its dates, "today", report periods
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_env(cls, env=None):
        env = os.environ if env is None else env
        return cls(
            amqp_uri=env.get("KAM_AMQP_URI", DEFAULT_AMQP_URI),
            data_dir=Path(env.get("KAM_DATA_DIR", "var")),
            database_url=env.get("KAM_DATABASE_URL") or None,
            secret_key=env.get("KAM_SECRET_KEY", DEV_SECRET),
            token_ttl_seconds=int(env.get("KAM_TOKEN_TTL_SECONDS", 15 * 60)),
            refresh_ttl_seconds=int(env.get("KAM_REFRESH_TTL_SECONDS", 8 * 3600)),
            rpc_timeout=float(env.get("KAM_RPC_TIMEOUT", 10)),
            health_timeout=float(env.get("KAM_HEALTH_TIMEOUT", 3)),
            retry_delays=_float_list(env.get("KAM_RETRY_DELAYS", "0.2,1,5")),
            relay_poll_seconds=float(env.get("KAM_RELAY_POLL_SECONDS", 0.05)),
            rpc_pool_size=int(env.get("KAM_RPC_POOL_SIZE", 16)),
            max_workers=int(env.get("KAM_MAX_WORKERS", 10)),
            db_pool_size=int(env.get("KAM_DB_POOL_SIZE", 5)),
            db_max_overflow=int(env.get("KAM_DB_MAX_OVERFLOW", 5)),
            encryption_key=env.get("KAM_ENCRYPTION_KEY") or DEV_ENCRYPTION_KEY,
            proxy_hops=int(env.get("KAM_PROXY_HOPS", 0)),
            direct_port_base=_port_or_off(env.get("KAM_DIRECT_PORT_BASE")),
            direct_host=env.get("KAM_DIRECT_HOST") or None,
            direct_addresses={key.removeprefix("KAM_DIRECT_").lower(): value for key, value in env.items()
                              if key.startswith("KAM_DIRECT_") and key not in DIRECT_SETTINGS},
            direct_secret=env.get("KAM_DIRECT_SECRET") or None,
            local_calls=env.get("KAM_LOCAL_CALLS", "off").strip().lower() in ("on", "1", "true", "yes"),
            clock_file=env.get("KAM_CLOCK_FILE") or None,
            time_zone=env.get("KAM_TIME_ZONE") or "Asia/Shanghai",
        )

    def as_env(self):
        """These settings as the environment of a child process."""
        env = {"KAM_AMQP_URI": self.amqp_uri, "KAM_DATA_DIR": str(self.data_dir), "KAM_SECRET_KEY": self.secret_key,
               "KAM_ENCRYPTION_KEY": self.encryption_key,
               "KAM_RETRY_DELAYS": ",".join(str(delay) for delay in self.retry_delays),
               "KAM_RELAY_POLL_SECONDS": str(self.relay_poll_seconds)}
        if self.database_url:
            env["KAM_DATABASE_URL"] = self.database_url
        if self.clock_file:
            env["KAM_CLOCK_FILE"] = self.clock_file
        if self.direct_port_base:
            env["KAM_DIRECT_PORT_BASE"] = str(self.direct_port_base)
        if self.direct_secret:
            env["KAM_DIRECT_SECRET"] = self.direct_secret
        if self.local_calls:
            env["KAM_LOCAL_CALLS"] = "on"
        return env

    @property
    def encryption_keys(self):
        """KAM_ENCRYPTION_KEY is a comma-separated list: the first key seals, every one opens."""
        return tuple(key.strip() for key in self.encryption_key.split(",") if key.strip())

    @property
    def pool_options(self):
        """A service's connection pool on PostgreSQL: at most pool size + overflow connections, which
        the default of 10 workers (KAM_MAX_WORKERS) can all use at once."""
        if not self.uses_postgres:
            return {}
        return {"pool_size": self.db_pool_size, "max_overflow": self.db_max_overflow}

    @property
    def uses_postgres(self):
        return bool(self.database_url) and self.database_url.startswith("postgresql")

    def database_for(self, name):
        """Where the database of service `name` lives: a PostgreSQL schema or a SQLite file."""
        if self.uses_postgres:
            return self.database_url, name
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{(self.data_dir / f'{name}.db').resolve()}", None

    def nameko_config(self):
        return {
            "AMQP_URI": self.amqp_uri,
            "max_workers": self.max_workers,
            "serializer": "json",
            "KAM_SETTINGS": self,
        }


def get_settings():
    return Settings.from_env()
