"""Sensitive fields sealed at rest with Fernet. KAM_ENCRYPTION_KEY lists the keys: the first seals, every one
opens, so a key is rotated by putting the new one first and resealing (`kam customers reseal`)."""
import json

from cryptography.fernet import Fernet, MultiFernet


class Sealer:
    def __init__(self, settings):
        self._fernet = MultiFernet([Fernet(key) for key in settings.encryption_keys])

    def seal(self, values):
        if not values:
            return None
        return self._fernet.encrypt(json.dumps(values, ensure_ascii=False).encode()).decode()

    def open(self, sealed):
        return json.loads(self._fernet.decrypt(sealed.encode())) if sealed else None

    def reseal(self, sealed):
        """The same values sealed again with the first key."""
        return self._fernet.rotate(sealed.encode()).decode() if sealed else sealed
