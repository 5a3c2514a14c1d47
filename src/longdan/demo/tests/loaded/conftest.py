"""The demo, loaded once for every test in this package.

`longdan demo` (the official units, the seed case and its year of work) takes a minute or
more, so the package shares one load instead of one per module. It runs inside a
transaction rolled back after the package's last test, so no other test sees it; each
test runs in its own savepoint inside it, so what a test writes is gone before the next.
"""

from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection, transaction


@pytest.fixture(scope="package", autouse=True)
def demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[str]:
    """Run `longdan demo` once; yield what it printed."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            out = StringIO()
            call_command("demo", stdout=out)
            # Check the load's deferred foreign keys now, once. Left pending, PostgreSQL would
            # check them all again at the end of every test (each test's savepoint rollback
            # puts them back in the queue): seconds a test.
            connection.check_constraints()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield out.getvalue()
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
