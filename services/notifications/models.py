"""The notifications service's own tables (its domain arrives with its issue)."""
from kam.db import service_metadata

metadata = service_metadata()
