"""Forms for the tip pages. They parse and offer choices; who may do what is decided by the services."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from longdan.core.forms import DateTimeInput
from longdan.org.models import Unit

from .models import Credibility, TipCategory, TipStatus, Urgency


class TilesRadio(forms.RadioSelect):
    """Radio buttons the shared field template (web/_form_fields.html) draws as big tiles: one tap picks one."""


class TipRecordForm(forms.Form):
    """What a member heard: the household is fixed by the page (?household=), the recorder is the user."""

    category = forms.ChoiceField(label=_("What it is about"), choices=TipCategory.choices, widget=TilesRadio)
    urgency = forms.ChoiceField(
        label=_("Urgency"), choices=Urgency.choices, initial=Urgency.ROUTINE, widget=TilesRadio
    )
    content = forms.CharField(
        label=_("What was reported"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Who, what, where, when. Only the station command and the receiving team will read it."),
    )
    received_at = forms.DateTimeField(
        label=_("Received at"),
        widget=DateTimeInput(),
    )
    credibility = forms.ChoiceField(
        label=_("How credible it seems"), choices=Credibility.choices, initial=Credibility.UNKNOWN
    )
    source_note = forms.CharField(
        label=_("About the source"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("How and where you heard it. Stored encrypted with the source."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["received_at"].initial = timezone.localtime().replace(second=0, microsecond=0)


class TipFilterForm(forms.Form):
    """The tips list's filters: a plain GET form."""

    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *TipStatus.choices]
    )
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("All")), *TipCategory.choices]
    )
    urgency = forms.ChoiceField(
        label=_("Urgency"), required=False, choices=[("", _("All")), *Urgency.choices]
    )

    def filters(self) -> dict[str, str]:
        if not self.is_valid():
            return {}
        return {name: self.cleaned_data.get(name) or "" for name in ("status", "category", "urgency")}


class ReasonForm(forms.Form):
    """Opening a tip: the reason goes to the audit trail with the read."""

    reason = forms.CharField(
        label=_("Reason for opening this tip"),
        max_length=500,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class _StepForm(forms.Form):
    # The reason given when the tip was opened: the page shown after the step is a new read, logged with it.
    reason = forms.CharField(widget=forms.HiddenInput, max_length=500)


class PassForm(_StepForm):
    # No team chosen in advance: a tip must not go to the wrong team by a missed tap.
    team = forms.ModelChoiceField(label=_("Team"), queryset=Unit.objects.none(), empty_label="—")
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, teams: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["team"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = teams


class AssessForm(_StepForm):
    verified = forms.TypedChoiceField(
        label=_("Result of the verification"),
        choices=[("yes", _("Verified")), ("no", _("Not verified"))],
        coerce=lambda value: value == "yes",
        widget=TilesRadio,
    )
    credibility = forms.ChoiceField(label=_("Credibility"), choices=Credibility.choices)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ActForm(_StepForm):
    outcome = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 3}))


STEP_FORMS: dict[str, type[_StepForm]] = {"pass": PassForm, "assess": AssessForm, "act": ActForm}
