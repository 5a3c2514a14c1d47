"""Reporting periods: a month, quarter, half-year, year or any date range, with local-time bounds.

    Period.parse("2026-10")   Period.parse("2026-Q3")   Period.parse("2026-H1")
    Period.parse("2026")      Period.parse("2026-01-01..2026-03-31")

A period is a run of whole local days (Asia/Ho_Chi_Minh). An instant belongs to
the day it falls on there: a visit at 23:30 on 31 October (16:30 UTC) is an
October visit. `bounds()` gives the aware instants of local midnight at the start
and just after the end, so queries compare `start <= t < end` on an indexed column.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from longdan.rollup.services import local_midnight, next_month


class PeriodError(ValueError):
    """A period that cannot be read; the message is translated and shown to the user as it is."""


class Kind:
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    RANGE = "range"


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-Q(\d)$", re.IGNORECASE)
_HALF = re.compile(r"^(\d{4})-H(\d)$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$")
# Reports cover the model's life (from 2018) with room either side; anything else is a typing error.
MIN_YEAR, MAX_YEAR = 2000, 2100


def _month_end(year: int, month: int) -> date:
    return next_month(date(year, month, 1)) - timedelta(days=1)


@dataclass(frozen=True, order=True)
class Period:
    """From `start` to `end`, both included, as local calendar days."""

    start: date
    end: date
    kind: str = Kind.RANGE

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(_("The end of the period is before its start."))

    # --- building ---

    @classmethod
    def parse(cls, text: str) -> "Period":
        """Read "2026-10", "2026-Q3", "2026-H1", "2026" or "2026-01-01..2026-03-31"."""
        value = (text or "").strip()
        if match := _MONTH.match(value):
            year, month = int(match[1]), int(match[2])
            if not 1 <= month <= 12:
                raise PeriodError(_("There is no month %(month)s.") % {"month": match[2]})
            return cls.month(_year(year), month)
        if match := _QUARTER.match(value):
            quarter = int(match[2])
            if not 1 <= quarter <= 4:
                raise PeriodError(_("A quarter is Q1, Q2, Q3 or Q4."))
            return cls.quarter(_year(int(match[1])), quarter)
        if match := _HALF.match(value):
            half = int(match[2])
            if half not in (1, 2):
                raise PeriodError(_("A half-year is H1 or H2."))
            return cls.half(_year(int(match[1])), half)
        if match := _YEAR.match(value):
            return cls.year(_year(int(match[1])))
        if match := _RANGE.match(value):
            try:
                start, end = date.fromisoformat(match[1]), date.fromisoformat(match[2])
            except ValueError as exc:
                raise PeriodError(_("One of the dates does not exist.")) from exc
            _year(start.year)
            _year(end.year)
            return cls(start, end, Kind.RANGE)
        raise PeriodError(
            _(
                "Cannot read the period “%(text)s”. Write a month (2026-10), a quarter (2026-Q3), "
                "a half-year (2026-H1), a year (2026) or a range of days (2026-01-01..2026-03-31)."
            )
            % {"text": value}
        )

    @classmethod
    def month(cls, year: int, month: int) -> "Period":
        return cls(date(year, month, 1), _month_end(year, month), Kind.MONTH)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> "Period":
        first = 3 * (quarter - 1) + 1
        return cls(date(year, first, 1), _month_end(year, first + 2), Kind.QUARTER)

    @classmethod
    def half(cls, year: int, half: int) -> "Period":
        first = 1 if half == 1 else 7
        return cls(date(year, first, 1), _month_end(year, first + 5), Kind.HALF)

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(date(year, 1, 1), date(year, 12, 31), Kind.YEAR)

    @classmethod
    def containing_month(cls, day: date) -> "Period":
        return cls.month(day.year, day.month)

    # --- reading ---

    @property
    def code(self) -> str:
        """The canonical text `parse` reads back: for URLs, file names and JSON."""
        if self.kind == Kind.MONTH:
            return f"{self.start:%Y-%m}"
        if self.kind == Kind.QUARTER:
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == Kind.HALF:
            return f"{self.start.year}-H{1 if self.start.month == 1 else 2}"
        if self.kind == Kind.YEAR:
            return f"{self.start.year}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def label(self) -> str:
        """How the period is named on a page or in a report, in the active language."""
        year = self.start.year
        if self.kind == Kind.MONTH:
            return _("Month %(month)s/%(year)s") % {"month": f"{self.start.month:02d}", "year": year}
        if self.kind == Kind.QUARTER:
            return _("Quarter %(quarter)s/%(year)s") % {
                "quarter": _ROMAN[(self.start.month - 1) // 3 + 1],
                "year": year,
            }
        if self.kind == Kind.HALF:
            if self.start.month == 1:
                return _("First six months of %(year)s") % {"year": year}
            return _("Last six months of %(year)s") % {"year": year}
        if self.kind == Kind.YEAR:
            return _("Year %(year)s") % {"year": year}
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"

    def __str__(self) -> str:
        return self.label

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def is_whole_months(self) -> bool:
        return self.start.day == 1 and self.end + timedelta(days=1) == next_month(self.end.replace(day=1))

    @property
    def month_count(self) -> float:
        """Calendar months when the period is made of whole months (October = 1, a quarter = 3);
        otherwise its days over the mean month of 365.2425 / 12 days."""
        if self.is_whole_months:
            return float((self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1)
        return self.days * 12 / 365.2425

    def bounds(self) -> tuple[datetime, datetime]:
        """Aware instants [start, end): local midnight of the first day, local midnight after the last."""
        return local_midnight(self.start), local_midnight(self.end + timedelta(days=1))

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def as_of(self, today: date | None = None) -> date:
        """The day point-in-time indicators are read on: the period's last day, or today if that is earlier."""
        today = today or timezone.localdate()
        return min(self.end, today)

    # --- moving ---

    def previous(self) -> "Period":
        """The period of the same kind just before: the previous month, quarter, half-year or year;
        for a range, as many days ending the day before it starts."""
        if self.kind == Kind.MONTH:
            day = self.start - timedelta(days=1)
            return Period.month(day.year, day.month)
        if self.kind == Kind.QUARTER:
            day = self.start - timedelta(days=1)
            return Period.quarter(day.year, (day.month - 1) // 3 + 1)
        if self.kind == Kind.HALF:
            return (
                Period.half(self.start.year, 1)
                if self.start.month == 7
                else Period.half(self.start.year - 1, 2)
            )
        if self.kind == Kind.YEAR:
            return Period.year(self.start.year - 1)
        end = self.start - timedelta(days=1)
        return Period(end - timedelta(days=self.days - 1), end, Kind.RANGE)

    def months(self) -> Iterator["Period"]:
        """The calendar months the period touches, in order (whole months, also for a range)."""
        month = self.start.replace(day=1)
        while month <= self.end:
            yield Period.month(month.year, month.month)
            month = next_month(month)

    def trailing_months(self, count: int = 12) -> list["Period"]:
        """`count` calendar months ending with the month of the period's last day (for trends)."""
        month = self.end.replace(day=1)
        found = []
        for _index in range(count):
            found.append(Period.month(month.year, month.month))
            month = (month - timedelta(days=1)).replace(day=1)
        return found[::-1]

    def as_dict(self) -> dict[str, str]:
        return {
            "code": self.code,
            "label": self.label,
            "kind": self.kind,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
        }


def _year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PeriodError(
            _("The year must be between %(first)s and %(last)s.") % {"first": MIN_YEAR, "last": MAX_YEAR}
        )
    return year
