"""`longdan load_units`: load Vietnam's official administrative units (current and legacy) and the 2025 mapping."""

import time
from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from longdan.geo.models import Level
from longdan.geo.services import UnitLoadResult, official_units_load


class Command(BaseCommand):
    help = (
        "Load the 34 provinces and 3,321 communes in force since 2025-07-01, the legacy provinces, "
        "districts and communes, and the old → new succession, from the vietnam-provinces package. "
        "Safe to run again: only what changed is written."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        verbose = options["verbosity"] >= 1
        started = time.perf_counter()

        def progress(message: str) -> None:
            if verbose:
                elapsed = time.perf_counter() - started
                self.stdout.write(f"[{elapsed:5.1f}s] {message}")

        result = official_units_load(progress=progress)
        if verbose:
            self._summary(result, time.perf_counter() - started)

    def _summary(self, result: UnitLoadResult, seconds: float) -> None:
        rows = [
            (_("Current provinces"), (Level.PROVINCE, True)),
            (_("Current communes"), (Level.COMMUNE, True)),
            (_("Former provinces"), (Level.PROVINCE, False)),
            (_("Former districts"), (Level.DISTRICT, False)),
            (_("Former communes"), (Level.COMMUNE, False)),
        ]
        head = (_("created"), _("updated"), _("unchanged"))
        self.stdout.write(
            _("Official unit list: vietnam-provinces %(version)s") % {"version": result.version}
        )
        self.stdout.write(f"{'':<20}{head[0]:>10}{head[1]:>10}{head[2]:>10}")
        for label, era in rows:
            counts = (result.created[era], result.updated[era], result.unchanged[era])
            self.stdout.write(f"{label:<20}{counts[0]:>10}{counts[1]:>10}{counts[2]:>10}")
        succession_counts = (
            result.successions_created,
            result.successions_updated,
            result.successions_unchanged,
        )
        self.stdout.write(
            f"{_('Successions'):<20}{succession_counts[0]:>10}{succession_counts[1]:>10}{succession_counts[2]:>10}"
        )
        if result.successions_removed:
            self.stdout.write(_("Successions removed: %(count)d") % {"count": result.successions_removed})
        if result.successions_skipped:
            self.stdout.write(
                _("Mapping rows skipped (old commune not in the legacy list): %(count)d")
                % {"count": result.successions_skipped}
            )
        if result.not_in_package:
            self.stdout.write(
                self.style.WARNING(
                    _("Units in the database but no longer in the package (kept): %(count)d")
                    % {"count": result.not_in_package}
                )
            )
        message = (
            _("Done in %(seconds).1f s.") if result.changed else _("Nothing to change (%(seconds).1f s).")
        )
        self.stdout.write(self.style.SUCCESS(message % {"seconds": seconds}))
