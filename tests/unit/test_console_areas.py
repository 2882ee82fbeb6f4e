"""The console's menu comes from the areas each plugin declares for each role, never from a list in JS."""
from gateway.console.areas import areas_of, build
from kam.plugins import discover


def areas_for(role):
    return set(areas_of(role, build(discover())))


def test_the_admin_manages_users_only():
    assert areas_for("admin") == {"users"}


def test_only_managers_see_approvals_and_developers_plan_visits():
    assert "approvals" in areas_for("manager")
    assert "approvals" not in areas_for("developer")
    assert "visits.plan" in areas_for("developer")


def test_coordinator_planner_and_analyst_are_offered_no_customer_forms():
    for role in ("coordinator", "planner", "analyst"):
        assert "customers" in areas_for(role)
        assert "customers.write" not in areas_for(role)


def test_an_area_declared_by_two_plugins_takes_both_role_lists():
    class Plugin:
        def __init__(self, areas):
            self.console_areas = areas

    areas = build({"a": Plugin((("claims.file", ("developer",)),)), "b": Plugin((("claims.file", ("planner",)),))})
    assert areas["claims.file"] == ("developer", "planner")
