from kam.migrate import run_env
from services.reception.models import metadata

run_env(metadata)
