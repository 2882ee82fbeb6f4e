"""One way to write an RPC entrypoint: declare the use case, the platform does the rest.

    class VisitsService(ServiceBase):
        offers = contracts.OFFERS
        plan_visit = command(visits.plan_visit, uses=("customers",))
        get_visit = query(visits.get_visit)

The entrypoint loads the call with the method's contract (`OFFERS[name]`), opens a unit of work (a
command) or a read session (a query), calls the handler as

    handler(uow_or_session, actor, now, **params, **dependencies)

commits a command when the handler returns, and answers with the reply schema's dump.
"""
from dataclasses import dataclass

from kam.direct import direct
from kam.service_rpc import rpc


@dataclass(frozen=True)
class UseCase:
    handler: object
    writes: bool
    uses: tuple = ()
    hostable: bool = True  # may run in a gateway that hosts the services' use cases (kam.local)

    def perform(self, method, db, actor, now, args, kwargs, dependencies):
        """The use case on one call, whichever transport brought it: loaded with the method's contract,
        run in a unit of work (committed with its events) or a read session, answered with the reply's dump."""
        params = method.load(args, kwargs)
        if self.writes:
            with db.unit_of_work() as uow:
                result = self.handler(uow, actor, now, **params, **dependencies)
                uow.commit()
        else:
            with db.session() as session:
                result = self.handler(session, actor, now, **params, **dependencies)
        return method.dump(result)

    def entrypoint(self, name, method):
        use_case = self

        def entry(self, *args, **kwargs):
            dependencies = {dependency: getattr(self, dependency) for dependency in use_case.uses}
            return use_case.perform(method, self.db, self.actor, self.clock.now(), args, kwargs, dependencies)

        entry.__name__ = entry.__qualname__ = name
        entry.__doc__ = self.handler.__doc__
        return direct(rpc(entry))


def command(handler, uses=(), hostable=True):
    """A use case that changes something: one unit of work, committed with its events. `hostable=False`
    keeps it in the service's own process even where the gateway hosts use cases (kam.local)."""
    return UseCase(handler, True, tuple(uses), hostable)


def query(handler, uses=(), hostable=True):
    """A use case that only reads."""
    return UseCase(handler, False, tuple(uses), hostable)


def declare_entrypoints(service_cls):
    """Turn the service's declared use cases into nameko RPC entrypoints, each held to its contract; the
    declarations stay in `service_cls.use_cases` for a gateway that hosts them itself (kam.local)."""
    offers = getattr(service_cls, "offers", None) or {}
    service_cls.use_cases = {}
    for name, value in list(vars(service_cls).items()):
        if isinstance(value, UseCase):
            if name not in offers:
                raise TypeError(f"{service_cls.__name__}.{name}: no Method for it in the service's OFFERS")
            service_cls.use_cases[name] = value
            setattr(service_cls, name, value.entrypoint(name, offers[name]))
