"""Running nameko services in this process (call only after eventlet.monkey_patch())."""
import logging
import signal

import eventlet

from kam import topology

log = logging.getLogger(__name__)


def serve(plugins, settings):
    """Run the services of `plugins` until SIGTERM or Ctrl-C; topology is declared first."""
    from nameko.runners import ServiceRunner

    services = {name: plugin.load_service() for name, plugin in plugins.items()}
    topology.declare(settings.amqp_uri, services)
    runner = ServiceRunner(config=settings.nameko_config())
    for service_cls in services.values():
        runner.add_service(service_cls)

    def shutdown(_signum, _frame):
        eventlet.spawn_n(runner.stop)

    signal.signal(signal.SIGTERM, shutdown)
    runner.start()
    log.info("services started: %s", ", ".join(services))
    waiting = eventlet.spawn(runner.wait)
    while True:
        try:
            waiting.wait()
            return
        except KeyboardInterrupt:
            eventlet.spawn_n(runner.stop)
