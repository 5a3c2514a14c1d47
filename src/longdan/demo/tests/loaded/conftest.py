"""The demo, loaded once for every test in this package.

`longdan demo` (the official units, the seed case and its year of work) takes a minute or
more, so the package shares one load instead of one per module, rolled back after the
package's last test (longdan.testing.shared_load).
"""

from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from longdan.testing.shared_load import loaded_for_the_tests


def _load() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="package", autouse=True)
def demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[str]:
    """Run `longdan demo` once; yield what it printed."""
    with loaded_for_the_tests(django_db_blocker, _load) as printed:
        yield printed
