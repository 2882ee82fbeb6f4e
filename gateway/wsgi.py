"""gunicorn entry: `gunicorn 'gateway.wsgi:app'` (gthread or sync workers; never eventlet)."""
from gateway.app import create_app
from kam.config import get_settings
from kam.keys import require_keys
from kam.logs import configure

configure()
settings = get_settings()
app = create_app(require_keys(settings, sealing=settings.local_calls))  # it seals only when it hosts services
