from gateway.models import metadata
from kam.migrate import run_env

run_env(metadata)
