"""Time `longdan load_units` on a fresh SQLite database: the first (full) load, then a re-run.

    .venv/bin/python bench/load_units.py

Uses a throwaway data directory, so the project's own database is left alone.
"""

import os
import sqlite3
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="longdan-bench-") as data_dir:
        # Settings read these at import time, so they are set before django.setup().
        os.environ["LONGDAN_DATA_DIR"] = data_dir
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(data_dir) / 'bench.sqlite3'}"
        os.environ["DJANGO_SETTINGS_MODULE"] = "longdan.settings.local"
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from longdan.geo.models import AdminUnit, UnitSuccession

        call_command("migrate", verbosity=0)
        times = []
        for run in ("first", "second"):
            started = time.perf_counter()
            call_command("load_units", stdout=StringIO())
            times.append(time.perf_counter() - started)
            print(f"load_units, {run} run: {times[-1]:.2f} s", flush=True)
        print(
            f"units: {AdminUnit.objects.count()}, successions: {UnitSuccession.objects.count()} "
            f"(SQLite {sqlite3.sqlite_version})"
        )
        connection.close()
    # The bar: both runs well under 30 s.
    sys.exit(0 if max(times) < 30 else 1)


if __name__ == "__main__":
    main()
