"""Failed logins slow the next try down instead of locking the account: after a few failures, per user and
per address, each try must wait 1, 2, 4, … seconds, at most a minute. Nobody can lock anyone out for long."""
import math
from datetime import timedelta

from sqlalchemy import func, insert, select

from gateway.models import login_failures

FREE_FAILURES = {"username": 3, "address": 10}  # an office behind one address has several people
MAX_DELAY_SECONDS = 60
WINDOW = timedelta(minutes=15)


class TooManyAttempts(Exception):
    def __init__(self, retry_after):
        super().__init__("too many failed logins")
        self.retry_after = retry_after


def delay_after(failures, free):
    """Seconds the next try waits after `failures` recent ones: none for the first `free`, then doubling."""
    if failures < free:
        return 0
    return min(2 ** (failures - free), MAX_DELAY_SECONDS)


def refuse_if_too_soon(connection, username, address, now):
    waits = [_wait(connection, column, value, now) for column, value in (("username", username), ("address", address))]
    retry_after = max(waits)
    if retry_after > 0:
        raise TooManyAttempts(math.ceil(retry_after))


def record_failure(connection, username, address, now):
    connection.execute(insert(login_failures).values(username=username, address=address, at=now))


def _wait(connection, column, value, now):
    key = login_failures.c[column]
    failures, last = connection.execute(select(func.count(), func.max(login_failures.c.at))
                                        .where(key == value, login_failures.c.at > now - WINDOW)).one()
    if not failures:
        return 0
    return delay_after(failures, FREE_FAILURES[column]) - (now - _aware(last, now)).total_seconds()


def _aware(moment, now):
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=now.tzinfo)
