"""Reading periods, moving between them, and their local-time bounds."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from longdan.reports.periods import Period, PeriodError

VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"),
    [
        ("2026-10", date(2026, 10, 1), date(2026, 10, 31), "month"),
        ("2026-2", date(2026, 2, 1), date(2026, 2, 28), "month"),
        ("2028-02", date(2028, 2, 1), date(2028, 2, 29), "month"),
        ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30), "quarter"),
        ("2026-q1", date(2026, 1, 1), date(2026, 3, 31), "quarter"),
        ("2026-H1", date(2026, 1, 1), date(2026, 6, 30), "half"),
        ("2026-H2", date(2026, 7, 1), date(2026, 12, 31), "half"),
        ("2026", date(2026, 1, 1), date(2026, 12, 31), "year"),
        ("2026-01-01..2026-03-31", date(2026, 1, 1), date(2026, 3, 31), "range"),
        (" 2026-01-05 .. 2026-01-05 ", date(2026, 1, 5), date(2026, 1, 5), "range"),
    ],
)
def test_it_reads_each_kind_of_period(text, start, end, kind):
    period = Period.parse(text)
    assert (period.start, period.end, period.kind) == (start, end, kind)
    assert Period.parse(period.code) == period


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Cannot read the period"),
        ("October", "Cannot read the period"),
        ("2026-13", "There is no month 13."),
        ("2026-00", "There is no month 00."),
        ("2026-Q5", "A quarter is Q1, Q2, Q3 or Q4."),
        ("2026-H3", "A half-year is H1 or H2."),
        ("2026-02-30..2026-03-01", "One of the dates does not exist."),
        ("2026-03-31..2026-01-01", "The end of the period is before its start."),
        ("1850", "The year must be between 2000 and 2100."),
        ("2026/10", "Cannot read the period"),
    ],
)
def test_it_refuses_what_it_cannot_read_with_a_clear_message(text, message):
    with translation.override("en"), pytest.raises(PeriodError) as error:
        Period.parse(text)
    assert message in str(error.value)


def test_its_errors_are_in_vietnamese_by_default():
    with translation.override("vi"), pytest.raises(PeriodError) as error:
        Period.parse("2026-Q5")
    assert "quý" in str(error.value).lower()


@pytest.mark.parametrize(
    ("text", "previous"),
    [
        ("2026-10", "2026-09"),
        ("2026-01", "2025-12"),
        ("2026-03", "2026-02"),
        ("2026-Q1", "2025-Q4"),
        ("2026-Q3", "2026-Q2"),
        ("2026-H1", "2025-H2"),
        ("2026-H2", "2026-H1"),
        ("2026", "2025"),
        ("2026-01-01..2026-03-31", "2025-10-03..2025-12-31"),
    ],
)
def test_previous_is_the_same_kind_just_before(text, previous):
    period = Period.parse(text)
    assert period.previous().code == previous
    if period.kind == "range":
        assert period.previous().days == period.days


def test_bounds_are_local_midnights():
    start, end = Period.parse("2026-10").bounds()
    assert start == datetime(2026, 10, 1, tzinfo=VN)
    assert end == datetime(2026, 11, 1, tzinfo=VN)
    # 23:30 on the last day in Vietnam is 16:30 UTC the same day: inside; 00:10 next day is outside.
    inside = datetime(2026, 10, 31, 23, 30, tzinfo=VN)
    outside = datetime(2026, 11, 1, 0, 10, tzinfo=VN)
    assert start <= inside < end
    assert not outside < end
    assert end - start == timedelta(days=31)


def test_months_and_trailing_months():
    assert [p.code for p in Period.parse("2026-Q4").months()] == ["2026-10", "2026-11", "2026-12"]
    assert [p.code for p in Period.parse("2026-01-15..2026-03-02").months()] == [
        "2026-01",
        "2026-02",
        "2026-03",
    ]
    trailing = Period.parse("2026-Q1").trailing_months(12)
    assert [trailing[0].code, trailing[-1].code, len(trailing)] == ["2025-04", "2026-03", 12]


def test_month_count():
    assert Period.parse("2026-10").month_count == 1
    assert Period.parse("2026-Q3").month_count == 3
    assert Period.parse("2026").month_count == 12
    assert Period.parse("2026-10-01..2026-10-31").month_count == 1
    assert round(Period.parse("2026-10-01..2026-10-15").month_count, 3) == round(15 * 12 / 365.2425, 3)


def test_as_of_is_the_last_day_or_today():
    october = Period.parse("2026-10")
    assert october.as_of(today=date(2026, 12, 5)) == date(2026, 10, 31)
    assert october.as_of(today=date(2026, 10, 20)) == date(2026, 10, 20)


@pytest.mark.parametrize(
    ("text", "english", "vietnamese"),
    [
        ("2026-10", "Month 10/2026", "Tháng 10/2026"),
        ("2026-Q3", "Quarter III/2026", "Quý III/2026"),
        ("2026-H1", "First six months of 2026", "6 tháng đầu năm 2026"),
        ("2026-H2", "Last six months of 2026", "6 tháng cuối năm 2026"),
        ("2026", "Year 2026", "Năm 2026"),
        ("2026-01-01..2026-03-31", "01/01/2026 – 31/03/2026", "01/01/2026 – 31/03/2026"),
    ],
)
def test_labels(text, english, vietnamese):
    period = Period.parse(text)
    with translation.override("en"):
        assert period.label == english
    with translation.override("vi"):
        assert period.label == vietnamese
