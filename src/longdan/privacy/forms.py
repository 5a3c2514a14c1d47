"""Forms for the personal-data pages. They parse and offer choices; the services decide and write."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from longdan.core.forms import DateInput, DateTimeInput
from longdan.households.models import Resident
from longdan.org.models import Unit

from .models import ConsentPurpose, RequestKind, RequestStatus, SensitiveCategory


class ConsentForm(forms.Form):
    purpose = forms.ChoiceField(label=_("Purpose"), choices=ConsentPurpose.choices)
    notice_version = forms.CharField(
        label=_("Version of the notice shown"),
        max_length=32,
        help_text=_("As printed on the notice, e.g. 2026-01."),
    )
    given_on = forms.DateField(label=_("Given on"), widget=DateInput(), initial=timezone.localdate)


class ConsentWithdrawForm(forms.Form):
    withdrawn_on = forms.DateField(
        label=_("Withdrawn on"),
        widget=DateInput(),
        initial=timezone.localdate,
    )
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class RequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=RequestKind.choices)
    resident = forms.ModelChoiceField(label=_("Resident"), queryset=Resident.objects.none(), required=False)
    received_on = forms.DateField(
        label=_("Received on"),
        widget=DateInput(),
        initial=timezone.localdate,
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, residents: QuerySet[Resident], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["resident"].queryset = residents  # type: ignore[attr-defined]


class RequestAdvanceForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=RequestStatus.choices)
    reason = forms.CharField(
        label=_("Reason for refusal"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, allowed: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(RequestStatus.choices)
        self.fields["status"].choices = [(s, labels[s]) for s in allowed]  # type: ignore[attr-defined]


class RequestFilterForm(forms.Form):
    q = forms.CharField(label=_("Household"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All")), *RequestStatus.choices], required=False
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All")), *RequestKind.choices], required=False)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "search": data["q"],
            "status": data["status"],
            "kind": data["kind"],
            "overdue": data["overdue"],
        }


class BreachForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    discovered_at = forms.DateTimeField(label=_("Discovered at"), widget=DateTimeInput())
    description = forms.CharField(label=_("What happened"), widget=forms.Textarea(attrs={"rows": 3}))
    basic_data = forms.BooleanField(label=_("Basic personal data affected"), required=False, initial=True)
    sensitive_categories = forms.MultipleChoiceField(
        label=_("Sensitive data affected"),
        choices=SensitiveCategory.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    households_affected = forms.IntegerField(label=_("Households affected"), min_value=0, initial=0)
    measures = forms.CharField(
        label=_("Measures taken"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]


class BreachUpdateForm(forms.Form):
    measures = forms.CharField(
        label=_("Measures taken"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    notified_authority_at = forms.DateTimeField(
        label=_("A05 notified at"),
        required=False,
        widget=DateTimeInput(),
        help_text=_("When the report reached A05 (Ministry of Public Security)."),
    )
