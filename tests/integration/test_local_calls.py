"""The gateway hosting a service's use cases in its own process (kam.local, `kam dev`'s shape), on the
service's own PostgreSQL schema and on its embedded SQLite file."""
import json

import pytest
from nameko.exceptions import RemoteError
from sqlalchemy import func, select, text

from kam import migrate
from kam.config import Settings
from kam.errors import Invalid, NotFound
from kam.local import LocalCalls
from kam.plugins import discover
from services.customers.models import customers

DEV_A = {"user_id": "dev-a", "role": "developer", "display_name": "张敏", "request_id": "req-local-1"}
DEV_B = {"user_id": "dev-b", "role": "developer", "display_name": "李娜"}
MANAGER = {"user_id": "mgr", "role": "manager", "display_name": "王经理"}


class RunningServices:
    """Stands in for the services' own processes: records what was sent there."""

    def __init__(self):
        self.calls = []

    def __call__(self, name, identity):
        recorder = self

        class Proxy:
            def __getattr__(self, method_name):
                return lambda *args, **kwargs: recorder.calls.append((name, method_name, identity, args)) or "there"

        return Proxy()


@pytest.fixture(params=["postgresql", "sqlite"])
def settings(request, database_url, tmp_path):
    if request.param == "postgresql":
        return Settings(database_url=database_url, data_dir=tmp_path)
    embedded = Settings(data_dir=tmp_path / "var")
    migrate.upgrade("customers", discover()["customers"].migrations, embedded)
    return embedded


@pytest.fixture
def local(settings):
    running = RunningServices()
    calls = LocalCalls(settings, discover(), running)
    calls.running = running
    yield calls
    calls.close()


def _customers_db(local):
    return local.hosted("customers")


def test_the_gateway_hosts_a_use_case_on_the_services_own_database_with_its_events_in_the_outbox(local):
    created = local.service("customers", DEV_A).create_customer({"name": "上官婉宁", "phone": "13912345678"})

    read = local.service("customers", DEV_A).get_customer(created["id"])
    manager_view = local.service("customers", MANAGER).get_customer(created["id"])
    assert read["name"] == "上官婉宁" and read["owner_id"] == "dev-a" and read["stage"] == "prospect"
    assert read["actions"] == [] and manager_view["actions"] == ["transfer"]  # the service's rule, as it says it
    with _customers_db(local).engine.connect() as connection:
        events = connection.execute(text("SELECT type, envelope FROM outbox")).all()
    created_event = next(envelope for kind, envelope in events if kind == "customer.created")
    created_event = json.loads(created_event) if isinstance(created_event, str) else created_event  # SQLite: text
    assert created_event["actor"]["user_id"] == "dev-a" and created_event["request_id"] == "req-local-1"
    assert local.running.calls == []


def test_a_hosted_call_decides_on_the_callers_identity(local):
    created = local.service("customers", DEV_A).create_customer({"name": "欧阳娜娜"})

    with pytest.raises(NotFound):
        local.service("customers", DEV_B).get_customer(created["id"])


def test_bad_input_to_a_hosted_use_case_is_refused_field_by_field_and_changes_nothing(local):
    with pytest.raises(Invalid) as refused:
        local.service("customers", DEV_A).create_customer({"name": "", "phone": "not a phone"})

    assert refused.value.errors == {"data": {"name": ["Length must be between 1 and 200."]}}
    with _customers_db(local).engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(customers)) == 0


def test_a_use_case_that_needs_a_running_service_is_called_where_the_service_runs(local):
    answer = local.service("customers", DEV_A).export_customer_everywhere("c-1")  # needs the cluster

    assert answer == "there"
    assert local.running.calls == [("customers", "export_customer_everywhere", DEV_A, ("c-1",))]
    hosted = _customers_db(local).use_cases
    assert "export_customer_everywhere" not in hosted and {"get_customer", "create_customer"} <= set(hosted)


def test_an_unexpected_failure_in_a_hosted_use_case_is_a_remote_error_as_from_a_service(local):
    created = local.service("customers", DEV_A).create_customer({"name": "慕容雪"})
    with _customers_db(local).engine.begin() as connection:
        connection.execute(text(f"ALTER TABLE {customers.name} RENAME TO customers_gone"))

    with pytest.raises(RemoteError):
        local.service("customers", DEV_A).get_customer(created["id"])


def test_every_service_hosts_the_use_cases_whose_dependencies_it_can_make(local):
    for name, plugin in discover().items():
        service_cls = plugin.load_service()
        hosted = local.hosted(name).use_cases
        for method_name, case in service_cls.use_cases.items():
            makeable = all(hasattr(getattr(service_cls, dependency), "outside_container") for dependency in case.uses)
            assert (method_name in hosted) == makeable, (name, method_name)
