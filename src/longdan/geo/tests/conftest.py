"""Loading the official list once per test module: a few seconds, not a few seconds per test.

The load runs inside a transaction that is rolled back when the module is done, so
other modules (whose factories create their own provinces and communes) never see it.
Each test still runs in its own savepoint inside it, as pytest-django arranges.
"""

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction

from longdan.geo.services import UnitLoadResult, official_units_load


@pytest.fixture(scope="module")
def official_units(django_db_setup: Any, django_db_blocker: Any) -> Iterator[UnitLoadResult]:
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            result = official_units_load()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield result
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
