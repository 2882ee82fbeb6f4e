"""The two secrets: the JWT signing key (the gateway's) and the Fernet keys that seal sensitive fields.

Production processes refuse to start without the real ones they use, and are given no other: the
gateway needs the JWT secret, a service with a dependency marked `uses_encryption_key` the Fernet keys,
and the other services neither. `kam dev` and `kam demo` make their own once."""
import json
import os
import secrets
from dataclasses import replace

from cryptography.fernet import Fernet

from kam.config import DEV_ENCRYPTION_KEY, DEV_SECRET

MIN_SECRET_BYTES = 32
DEV_KEYS_FILE = "dev-keys.json"
NEW_SECRET = "openssl rand -hex 32"
LOOPBACK = (None, "127.0.0.1", "localhost", "::1")
NEW_FERNET_KEY = "python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"


def key_problems(settings, *, jwt=True, sealing=True):
    """What is wrong with the settings' keys (those asked for) for production, one line each."""
    problems = []
    if jwt and (settings.secret_key == DEV_SECRET or len(settings.secret_key.encode()) < MIN_SECRET_BYTES):
        problems.append(f"KAM_SECRET_KEY 须为至少 {MIN_SECRET_BYTES} 字节的随机值 must be at least "
                        f"{MIN_SECRET_BYTES} random bytes, e.g. `{NEW_SECRET}`")
    keys = settings.encryption_keys if sealing else ()
    if sealing and (not keys or keys[0] == DEV_ENCRYPTION_KEY):
        problems.append(f"KAM_ENCRYPTION_KEY 未设置 is not set: a Fernet key, e.g. `{NEW_FERNET_KEY}`")
    elif settings.secret_key in keys:
        problems.append("KAM_ENCRYPTION_KEY 须与 KAM_SECRET_KEY 不同 must not be the JWT secret")
    for key in keys:
        try:
            Fernet(key)
        except ValueError:
            problems.append("KAM_ENCRYPTION_KEY 含无效密钥 holds a key that is not a Fernet key "
                            "(32 url-safe base64-encoded bytes; several are separated by commas)")
            break
    problems.extend(direct_secret_problems(settings))
    return problems


def direct_secret_problems(settings):
    """Direct ports reachable from other hosts take the caller from headers: they need the shared secret."""
    hosts = {settings.direct_host, *(address.rpartition(":")[0] for address in settings.direct_addresses.values())}
    if settings.direct_port_base is None or hosts <= set(LOOPBACK):
        return []
    secret = settings.direct_secret or ""
    if len(secret.encode()) < MIN_SECRET_BYTES:
        exposed = ", ".join(sorted(host for host in hosts if host not in LOOPBACK))
        return [f"直接调用端口对外开放（{exposed}）时须设置至少 {MIN_SECRET_BYTES} 字节的 KAM_DIRECT_SECRET: direct "
                f"ports reachable on {exposed} need KAM_DIRECT_SECRET of at least {MIN_SECRET_BYTES} random bytes, "
                f"e.g. `{NEW_SECRET}`"]
    return []


def require_keys(settings, *, jwt=True, sealing=True):
    """The settings, if the keys asked for are fit for production; otherwise the process stops, saying why."""
    problems = key_problems(settings, jwt=jwt, sealing=sealing)
    if problems:
        raise SystemExit("\n".join(f"kam: {problem}" for problem in problems))
    return settings


def uses_encryption_key(service_classes):
    """Whether any of these nameko service classes has a dependency marked `uses_encryption_key`."""
    return any(getattr(value, "uses_encryption_key", False) for cls in service_classes for value in vars(cls).values())


def with_dev_keys(settings, env=None):
    """For `kam dev` and `kam demo`: keys the environment does not set come from KAM_DATA_DIR/dev-keys.json,
    made once. The public key of earlier versions still opens what they sealed. Returns (settings, note),
    the note being one line to show, or None when the environment set both keys."""
    env = os.environ if env is None else env
    if env.get("KAM_SECRET_KEY") and env.get("KAM_ENCRYPTION_KEY"):
        return settings, None
    path = settings.data_dir / DEV_KEYS_FILE
    if not path.exists():
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        made = {"secret_key": secrets.token_hex(MIN_SECRET_BYTES), "encryption_key": Fernet.generate_key().decode()}
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            json.dump(made, file)
    stored = json.loads(path.read_text())
    settings = replace(settings, secret_key=env.get("KAM_SECRET_KEY") or stored["secret_key"],
                       encryption_key=env.get("KAM_ENCRYPTION_KEY")
                       or f"{stored['encryption_key']},{DEV_ENCRYPTION_KEY}")
    note = (f"开发密钥 development keys from {path} (KAM_SECRET_KEY / KAM_ENCRYPTION_KEY unset): "
            "never use them in production")
    return settings, note

