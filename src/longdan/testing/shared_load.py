"""Data loaded once for many tests (the official units, the demo), rolled back after the last of them.

A load of seconds or minutes is shared by a module or a package instead of repeated per test.
It runs inside a transaction opened around the tests and rolled back when they are done, so
no other test sees it; each test still runs in its own savepoint inside it, as pytest-django
arranges, so what one test writes is gone before the next.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection, transaction


@contextmanager
def loaded_for_the_tests[T](django_db_blocker: Any, load: Callable[[], T]) -> Iterator[T]:
    """Run `load()` in an outer transaction; yield its result; roll it all back at the end."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            result = load()
            # Check the load's deferred foreign keys now, once. Left pending, PostgreSQL would check
            # them all again at the end of every test (each test's savepoint rollback puts them back
            # in the queue): seconds a test after the demo.
            connection.check_constraints()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    try:
        yield result
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
