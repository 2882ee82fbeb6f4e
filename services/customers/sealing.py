"""Sensitive fields sealed at rest with Fernet; the key comes from config."""
import base64
import hashlib
import json

from cryptography.fernet import Fernet


def fernet_key(settings):
    """KAM_ENCRYPTION_KEY when set; otherwise a key derived from the secret key, so development works."""
    if settings.encryption_key:
        return settings.encryption_key.encode()
    return base64.urlsafe_b64encode(hashlib.sha256(settings.secret_key.encode()).digest())


class Sealer:
    def __init__(self, settings):
        self._fernet = Fernet(fernet_key(settings))

    def seal(self, values):
        if not values:
            return None
        return self._fernet.encrypt(json.dumps(values, ensure_ascii=False).encode()).decode()

    def open(self, sealed):
        return json.loads(self._fernet.decrypt(sealed.encode())) if sealed else None
