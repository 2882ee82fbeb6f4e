from kam.migrate import run_env
from services.visits.models import metadata

run_env(metadata)
