"""Database chores shared by the bulk loaders."""

from django.db import connection


def refresh_planner_statistics() -> None:
    """On PostgreSQL, ANALYZE the database so the planner sees rows just written in bulk.

    Autovacuum analyses a table only after its transaction commits and a threshold of changes
    passes; until then a query over thousands of fresh rows is planned as if the table were
    empty (nested loops over sequential scans: seconds instead of milliseconds). ANALYZE may
    run inside a transaction and counts that transaction's own new rows. SQLite needs nothing.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
