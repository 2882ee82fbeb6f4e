"""`python -m tests.integration.probe.run serve|relay`: the probe service or its relay, as a process."""
import sys

if sys.argv[1] == "serve":
    import eventlet

    eventlet.monkey_patch()

from kam.config import get_settings  # noqa: E402
from kam.logs import configure  # noqa: E402
from tests.integration.probe import plugin  # noqa: E402

configure()
if sys.argv[1] == "serve":
    from kam.runner import serve

    serve({"probe": plugin}, get_settings())
else:
    from kam.relay import run_relays

    run_relays({"probe": plugin}, get_settings())
