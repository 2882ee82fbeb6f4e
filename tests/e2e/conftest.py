"""End-to-end tests use the `system`, `as_user`, `clock` and `anonymous` fixtures of tests/conftest.py."""
from tests.system import PASSWORD, Api, login  # noqa: F401 - for the tests that import them from here
