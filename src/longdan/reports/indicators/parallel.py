"""Two periods at once: the period asked for and the one before it, on two database connections.

A dashboard or report shows every indicator beside the previous period's, so the same
queries run twice over different dates. The database does most of that work (SQLite
releases Python's lock while it steps through a query; PostgreSQL works in its own
process), so the previous period is computed in a second thread, on that thread's own
connection, while this one computes the current period. On 100,000 households this takes
the national monthly figures from about twice one period's time to little more than once.

It is done only where a second connection sees the same data: not inside a transaction
(rows this connection has not committed are invisible to another — every test that runs
inside one takes the plain path), not on an in-memory SQLite database, and not when the
setting LONGDAN_PARALLEL_PERIODS is off. The second thread sees the caller's shared reads,
language and time zone, and closes its connection when done.
"""

import contextvars
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone, translation


def may_run_in_parallel() -> bool:
    if not getattr(settings, "LONGDAN_PARALLEL_PERIODS", True):
        return False
    if connection.in_atomic_block:
        return False
    if connection.vendor != "sqlite":
        return True
    # An in-memory database (the test runner's) lives in this connection only.
    name = str(connection.settings_dict["NAME"])
    return name != ":memory:" and "mode=memory" not in name


def both[A, B](first: Callable[[], A], second: Callable[[], B]) -> tuple[A, B]:
    """`first()` here and `second()` in another thread at the same time (see the module's docstring)."""
    context = contextvars.copy_context()
    language = translation.get_language()
    zone = timezone.get_current_timezone()

    def run_second() -> B:
        try:
            with translation.override(language), timezone.override(zone):
                return context.run(second)
        finally:
            connections.close_all()  # this thread's connections only

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="longdan-period") as pool:
        future = pool.submit(run_second)
        result = first()
        return result, future.result()
