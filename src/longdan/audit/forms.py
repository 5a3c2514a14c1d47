"""The audit page's filters."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AuditAction
from .selectors import AuditFilters, record_type_choices

# Dates typed the Vietnamese way; ISO accepted too (a link, a browser's date picker).
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


class DayInput(forms.DateInput):
    """A text box showing dd/mm/yyyy, with the phone's number pad."""

    def __init__(self) -> None:
        super().__init__(
            format="%d/%m/%Y",
            attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"},
        )


class AuditFilterForm(forms.Form):
    user = forms.CharField(label=_("User"), required=False, max_length=150)
    record = forms.CharField(
        label=_("Record"),
        required=False,
        max_length=200,
        help_text=_("Part of its name, with or without accents"),
    )
    record_type = forms.ChoiceField(label=_("Record type"), required=False)
    record_id = forms.CharField(label=_("Record id"), required=False, max_length=64)
    action = forms.ChoiceField(label=_("Action"), required=False)
    since = forms.DateField(
        label=_("From"), required=False, input_formats=DATE_INPUT_FORMATS, widget=DayInput()
    )
    until = forms.DateField(
        label=_("To"), required=False, input_formats=DATE_INPUT_FORMATS, widget=DayInput()
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["record_type"]).choices = [("", _("All")), *record_type_choices()]
        cast(forms.ChoiceField, self.fields["action"]).choices = [("", _("All")), *AuditAction.choices]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", _("The end date comes before the start date."))
        return data

    def filters(self) -> AuditFilters:
        """The filters whose fields are valid (an invalid one counts as not set, so the page still lists)."""
        if not self.is_bound:
            return AuditFilters()
        self.is_valid()  # fills cleaned_data with the fields that passed
        return AuditFilters(**{name: value for name, value in self.cleaned_data.items() if value})
