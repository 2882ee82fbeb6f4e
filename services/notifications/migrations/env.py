from kam.migrate import run_env
from services.notifications.models import metadata

run_env(metadata)
