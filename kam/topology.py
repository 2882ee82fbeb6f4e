"""The bus topology: one topic exchange for events and one durable queue per event handler.

Declared by `kam bus declare`, by the relay and at every service start, before anything is published,
so that events sent while a consumer has never run wait in its queue.
"""
from kombu import Connection, Exchange, Queue, binding

from kam.events import EXCHANGE

events_exchange = Exchange(EXCHANGE, type="topic", durable=True)


def queue_name(service_name, method_name):
    return f"kam.{service_name}.{method_name}"


def handler_queue(service_name, method_name, routing_keys):
    return Queue(
        queue_name(service_name, method_name),
        bindings=[binding(events_exchange, routing_key=key) for key in routing_keys],
        durable=True,
    )


def event_handlers(service_cls):
    """(method name, routing keys) of every event handler a nameko service class declares."""
    from kam.inbox import EventHandler

    found = []
    for name in dir(service_cls):
        for entrypoint in getattr(getattr(service_cls, name, None), "nameko_entrypoints", ()):
            if isinstance(entrypoint, EventHandler):
                found.append((name, entrypoint.routing_keys))
    return sorted(found)


def declare(amqp_uri, services):
    """Declare the exchange and every handler queue of `services` ({name: service class})."""
    declared = []
    with Connection(amqp_uri, connect_timeout=5) as connection:
        channel = connection.channel()
        events_exchange(channel).declare()
        for service_name, service_cls in sorted(services.items()):
            for method_name, keys in event_handlers(service_cls):
                handler_queue(service_name, method_name, keys)(channel).declare()
                declared.append(queue_name(service_name, method_name))
    return declared
