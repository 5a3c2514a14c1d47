"""Forms of the report-file pages: ask for a report, schedule the monthly one."""

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from longdan.org.models import Unit

from ..models import ReportFormat
from ..periods import Period, PeriodError
from ..services import month_before, schedulable_units
from .selectors import report_units


def period_suggestions(today: date | None = None) -> list[tuple[str, str]]:
    """(code, label) of the periods one usually reports on: the last 12 months, 4 quarters, 2 halves, 2 years."""
    today = today or timezone.localdate()
    last_month = month_before(today)
    found = [(month.code, month.label) for month in reversed(last_month.trailing_months(12))]
    quarter = Period.quarter(today.year, (today.month - 1) // 3 + 1).previous()
    half = Period.half(today.year, 1 if today.month <= 6 else 2).previous()
    year = Period.year(today.year).previous()
    for first, count in ((quarter, 4), (half, 2), (year, 2)):
        period = first
        for _index in range(count):
            found.append((period.code, period.label))
            period = period.previous()
    return found


class TilesRadio(forms.RadioSelect):
    """Drawn as big tiles by the shared field template (web/_form_fields.html), like the tip form's."""


class ReportRequestForm(forms.Form):
    unit: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(
        label=_("Scope"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("Everything I may see"),
    )
    period = forms.CharField(
        label=_("Period"),
        max_length=32,
        help_text=_("A month (2026-10), a quarter (2026-Q3), a half-year (2026-H1), a year (2026) or days (2026-01-01..2026-03-31)."),
    )  # fmt: skip
    format = forms.ChoiceField(label=_("Format"), choices=ReportFormat.choices, widget=TilesRadio)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = report_units(user)
        field: Any = self.fields["unit"]
        field.queryset = units
        if units.count() == 1:  # a station commander: their station, nothing to choose
            field.initial = units.first()
        self.fields["period"].initial = month_before(timezone.localdate()).code
        self.fields["period"].widget.attrs.update({"list": "period-suggestions", "autocomplete": "off"})
        self.fields["format"].initial = ReportFormat.DOCX

    def clean_period(self) -> str:
        try:
            return Period.parse(self.cleaned_data["period"]).code
        except PeriodError as exc:
            raise forms.ValidationError(str(exc)) from exc


class ReportScheduleForm(forms.Form):
    unit: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    formats = forms.MultipleChoiceField(
        label=_("Formats"), choices=ReportFormat.choices, widget=forms.CheckboxSelectMultiple
    )
    recipients = forms.CharField(
        label=_("Recipients"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The “Nơi nhận” block of the document, one recipient a line."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["unit"]
        field.queryset = schedulable_units(user).order_by("path")
        self.fields["formats"].initial = [ReportFormat.XLSX, ReportFormat.DOCX]
