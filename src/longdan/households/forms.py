"""Forms for the household pages."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from longdan.core.fields import NormalizedFormField
from longdan.geo.models import Hamlet
from longdan.org.models import Unit

from .poverty import PovertyCategory


class HamletChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        # Hamlet names repeat from commune to commune ("Ấp 1"); the commune tells them apart.
        return f"{obj.name} — {obj.commune.name}"


class HouseholdFilterForm(forms.Form):
    """Search and filters of the household list. Sent by GET, so a filtered list is a link one can share."""

    q = NormalizedFormField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": _("Name or household code"),
                "autocomplete": "off",
                "enterkeyhint": "search",
            }
        ),
    )
    hamlet = HamletChoiceField(label=_("Hamlet"), queryset=Hamlet.objects.none(), required=False)
    poverty = forms.ChoiceField(
        label=_("Poverty status"),
        choices=[("", _("Any status")), *PovertyCategory.choices],
        required=False,
    )
    station = forms.ModelChoiceField(label=_("Station"), queryset=Unit.objects.none(), required=False)

    def __init__(
        self, *args: Any, hamlets: QuerySet[Hamlet], stations: QuerySet[Unit] | None, **kwargs: Any
    ) -> None:
        """`stations` is None when the user works in one station only: the filter would have nothing to choose."""
        super().__init__(*args, **kwargs)
        hamlet_field = self.fields["hamlet"]
        assert isinstance(hamlet_field, forms.ModelChoiceField)
        hamlet_field.queryset = hamlets
        hamlet_field.empty_label = _("All hamlets")
        if stations is None:
            del self.fields["station"]
        else:
            station_field = self.fields["station"]
            assert isinstance(station_field, forms.ModelChoiceField)
            station_field.queryset = stations
            station_field.empty_label = _("All stations")

    def filters(self) -> dict[str, Any]:
        """The keyword arguments for `household_list`; a value that does not validate is simply dropped."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            "search": cleaned.get("q") or "",
            "hamlet": cleaned.get("hamlet"),
            "poverty": cleaned.get("poverty") or None,
            "station": cleaned.get("station"),
        }
