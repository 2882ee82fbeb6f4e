"""gunicorn entry: `gunicorn 'gateway.wsgi:app'` (gthread or sync workers; never eventlet)."""
from gateway.app import create_app
from kam.logs import configure

configure()
app = create_app()
