"""Dates are read day first in every language: 01/03/2025 is the first of March, as Vietnam writes it."""

from datetime import date

import pytest
from django import forms
from django.contrib.admin.widgets import AdminDateWidget
from django.utils import translation

from longdan.core.forms import DateInput


class DayForm(forms.Form):
    day = forms.DateField()
    at = forms.DateTimeField(required=False)


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("typed", ["01/03/2025", "1/3/2025", "01/03/25", "2025-03-01"])
def test_a_typed_date_is_read_day_first(language, typed):
    with translation.override(language):
        form = DayForm({"day": typed})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == date(2025, 3, 1)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_month_first_date_past_the_twelfth_is_refused(language):
    with translation.override(language):
        assert not DayForm({"day": "03/25/2025"}).is_valid()


@pytest.mark.parametrize("typed", ["01/03/2025 14:30", "2025-03-01T14:30"])
def test_a_date_and_time_is_read_day_first_too(typed):
    with translation.override("vi"):
        form = DayForm({"day": "01/03/2025", "at": typed})
        assert form.is_valid(), form.errors
    at = form.cleaned_data["at"]
    assert (at.year, at.month, at.day, at.hour, at.minute) == (2025, 3, 1, 14, 30)


def test_the_admin_shows_a_date_day_first():
    with translation.override("vi"):
        assert 'value="01/03/2025"' in AdminDateWidget().render("day", date(2025, 3, 1))


def test_the_phone_date_picker_keeps_iso_dates():
    with translation.override("vi"):
        html = DateInput().render("day", date(2025, 3, 1))
    assert 'type="date"' in html and 'value="2025-03-01"' in html
