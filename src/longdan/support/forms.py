"""Forms for the support pages. They parse and offer choices; the services decide and write."""

import re
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from longdan.core.forms import DateInput
from longdan.geo.models import Hamlet
from longdan.households.models import Household, Resident
from longdan.org.models import Unit

from .models import LoanStatus, SupportEvent, SupportProgram
from .selectors import NOT_A_LOAN, events_for_benefit, hamlets_of_stations


def _vnd_text(value: Any) -> str:
    return f"{int(value):,}".replace(",", ".")


class VNDInput(forms.TextInput):
    """An amount in đồng, shown with dots between thousands ("30.000.000"); a phone offers its number pad."""

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs={"inputmode": "numeric", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, int):
            return _vnd_text(value)
        return super().format_value(value)


class VNDField(forms.IntegerField):
    """Whole đồng. Accepts "30.000.000", "30,000,000", "30 000 000 ₫" or "30000000"."""

    widget = VNDInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 0)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> int | None:
        if isinstance(value, str):
            # Vietnamese writes thousands with dots; there are no fractions of a đồng.
            value = re.sub(r"[\s.,_]|₫|đ|vnd", "", value.strip(), flags=re.IGNORECASE)
        return super().to_python(value)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        # No min/max attributes: they would turn the text input into a browser-checked number.
        return {}


def _model_choice(form: forms.Form, name: str) -> forms.ModelChoiceField:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    return field


class SupportEventForm(forms.Form):
    """A support event held by a station: a medical camp at a hamlet, a scholarship ceremony, a gift round."""

    program = forms.ModelChoiceField(
        label=_("Program"), queryset=SupportProgram.objects.filter(active=True), empty_label="—"
    )
    held_on = forms.DateField(label=_("Date"), widget=DateInput())
    station = forms.ModelChoiceField(label=_("Station"), queryset=Unit.objects.none(), empty_label=None)
    hamlet = forms.ModelChoiceField(
        label=_("Hamlet"), queryset=Hamlet.objects.none(), required=False, empty_label="—"
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("If left empty, the program and the hamlet are used."),
    )
    people_served = forms.IntegerField(
        label=_("People served"),
        min_value=0,
        initial=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    medicine_value = VNDField(
        label=_("Value of medicine (VND)"), initial=0, help_text=_("For a medical camp: medicine given free.")
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, stations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["held_on"].initial = timezone.localdate()
        _model_choice(self, "station").queryset = stations
        _model_choice(self, "hamlet").queryset = hamlets_of_stations(stations)
        if len(stations) == 1:
            # One station: it is the user's, shown in the heading rather than chosen.
            self.fields["station"].initial = stations[0].pk
            self.fields["station"].widget = forms.HiddenInput()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("title") and data.get("program"):
            hamlet = data.get("hamlet")
            data["title"] = f"{data['program'].name} – {hamlet.name}" if hamlet else data["program"].name
        return data


class EventFilterForm(forms.Form):
    program = forms.ModelChoiceField(
        label=_("Program"), queryset=SupportProgram.objects.all(), required=False, empty_label=_("All")
    )


class BenefitFilterForm(forms.Form):
    """The benefit list's filters: a plain GET form."""

    program = forms.ModelChoiceField(
        label=_("Program"), queryset=SupportProgram.objects.all(), required=False, empty_label=_("All")
    )
    loan = forms.ChoiceField(
        label=_("Loan"),
        required=False,
        choices=[("", _("All")), (NOT_A_LOAN, _("Not a loan")), *LoanStatus.choices],
    )

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        program = self.cleaned_data.get("program")
        return {"program": program.pk if program else None, "loan": self.cleaned_data.get("loan") or ""}


class BenefitForm(forms.Form):
    """Support given to one household (or one of its residents). A loan starts at "advised"."""

    program = forms.ModelChoiceField(
        label=_("Program"), queryset=SupportProgram.objects.filter(active=True), empty_label="—"
    )
    given_on = forms.DateField(label=_("Date"), widget=DateInput())
    value = VNDField(
        label=_("Value (VND)"),
        initial=0,
        help_text=_("Money, or what the goods or work are worth. For a loan, 0 until it is disbursed."),
    )
    loan_amount = VNDField(
        label=_("Loan amount (VND)"), required=False, help_text=_("Only for a job-creation loan.")
    )
    description = forms.CharField(label=_("What was given"), max_length=255, required=False)
    resident = forms.ModelChoiceField(
        label=_("For one resident"),
        queryset=Resident.objects.none(),
        required=False,
        empty_label=_("The whole household"),
    )
    event = forms.ModelChoiceField(
        label=_("At an event"), queryset=SupportEvent.objects.none(), required=False, empty_label="—"
    )

    def __init__(self, *args: Any, user: Any, household: Household, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["given_on"].initial = timezone.localdate()
        _model_choice(self, "resident").queryset = household.residents.order_by("id")
        events = events_for_benefit(user=user, household=household)
        _model_choice(self, "event").queryset = events
        if not household.residents.exists():
            del self.fields["resident"]


class LoanStepForm(forms.Form):
    to_status = forms.ChoiceField(choices=LoanStatus.choices)
    on = forms.DateField(required=False, widget=DateInput())
