"""The gateway hosting a service's use cases in its own process (kam.local, `kam dev`'s shape), on the
service's own PostgreSQL schema and on its embedded SQLite file."""
import json
from datetime import UTC, datetime

import pytest
from nameko.exceptions import RemoteError
from sqlalchemy import func, select, text

from kam import migrate
from kam.config import Settings
from kam.errors import Invalid, NotFound
from kam.identity import Actor
from kam.local import LocalCalls
from kam.plugins import discover
from kam.service import open_store
from services.customers.handlers import files
from services.customers.models import customers, development_plans, metadata
from services.customers.rules import load_rules
from services.customers.sealing import Sealer

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


def filed_by_the_service(settings, owner, name):
    """A customer as the customers service's own process files it (writing names is not hosted)."""
    store = open_store("customers", metadata, settings, actor=Actor(owner["user_id"], owner["role"]).as_dict())
    try:
        with store.unit_of_work() as uow:
            created = files.create_customer(uow, Actor(owner["user_id"], owner["role"]), datetime.now(UTC),
                                            data={"name": name}, sealer=Sealer(settings), rules=load_rules())
            uow.commit()
    finally:
        store.close()
    return created


def outbox_events(local, kind):
    with _customers_db(local).engine.connect() as connection:
        rows = connection.execute(text("SELECT envelope FROM outbox WHERE type = :kind"), {"kind": kind}).all()
    return [json.loads(envelope) if isinstance(envelope, str) else envelope for (envelope,) in rows]  # SQLite: text


def test_the_gateway_hosts_a_use_case_on_the_services_own_database_with_its_events_in_the_outbox(local, settings):
    customer = filed_by_the_service(settings, DEV_A, "上官婉宁")

    read = local.service("customers", DEV_A).get_customer(customer["id"])
    manager_view = local.service("customers", MANAGER).get_customer(customer["id"])
    plan = local.service("customers", DEV_A).create_development_plan(
        {"customer_id": customer["id"], "methods": ["visit"], "plan": "先茶叙，再邀到店品鉴", "budget": "900.00"})
    contact = local.service("customers", DEV_A).log_contact(customer["id"], {"channel": "wechat", "topic": "结婚纪念日"})

    assert read["name"] == "上官婉宁" and read["owner_id"] == "dev-a" and read["stage"] == "prospect"
    assert read["actions"] == [] and manager_view["actions"] == ["transfer"]  # the service's rule, as it says it
    assert plan["developer_id"] == "dev-a" and plan["status"] == "draft" and contact["customer_id"] == customer["id"]
    [logged] = outbox_events(local, "contact.logged")
    assert logged["actor"]["user_id"] == "dev-a" and logged["request_id"] == "req-local-1"
    assert local.running.calls == []


def test_a_hosted_call_decides_on_the_callers_identity(local, settings):
    customer = filed_by_the_service(settings, DEV_A, "欧阳娜娜")

    with pytest.raises(NotFound):
        local.service("customers", DEV_B).get_customer(customer["id"])


def test_bad_input_to_a_hosted_use_case_is_refused_field_by_field_and_changes_nothing(local, settings):
    customer = filed_by_the_service(settings, DEV_A, "司马婉清")

    with pytest.raises(Invalid) as refused:
        local.service("customers", DEV_A).create_development_plan(
            {"customer_id": customer["id"], "methods": [], "plan": "", "budget": "-1"})

    assert set(refused.value.errors["data"]) == {"methods", "plan", "budget"}
    with _customers_db(local).engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(development_plans)) == 0


def test_writing_a_name_stays_in_the_services_process(local):
    answer = local.service("customers", DEV_A).create_customer({"name": "慕容雪"})

    assert answer == "there" and local.running.calls == [("customers", "create_customer", DEV_A, ({"name": "慕容雪"},))]


def test_a_use_case_that_needs_a_running_service_is_called_where_the_service_runs(local):
    answer = local.service("customers", DEV_A).export_customer_everywhere("c-1")  # needs the cluster

    assert answer == "there"
    assert local.running.calls == [("customers", "export_customer_everywhere", DEV_A, ("c-1",))]
    hosted = _customers_db(local).use_cases
    assert "export_customer_everywhere" not in hosted and {"get_customer", "create_development_plan"} <= set(hosted)


def test_an_unexpected_failure_in_a_hosted_use_case_is_a_remote_error_as_from_a_service(local, settings):
    created = filed_by_the_service(settings, DEV_A, "慕容雪")
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
            assert (method_name in hosted) == (makeable and case.hostable), (name, method_name)
