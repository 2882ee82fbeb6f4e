from kam.migrate import run_env
from services.customers.models import metadata

run_env(metadata)
