"""Loading the official list once per test module: a few seconds, not a few seconds per test.

Rolled back when the module is done (longdan.testing.shared_load), so other modules (whose
factories create their own provinces and communes) never see it.
"""

from collections.abc import Iterator
from typing import Any

import pytest

from longdan.geo.services import UnitLoadResult, official_units_load
from longdan.testing.shared_load import loaded_for_the_tests


@pytest.fixture(scope="module")
def official_units(django_db_setup: Any, django_db_blocker: Any) -> Iterator[UnitLoadResult]:
    with loaded_for_the_tests(django_db_blocker, official_units_load) as result:
        yield result
