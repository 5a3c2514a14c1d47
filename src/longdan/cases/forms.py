"""Forms for petition pages. They parse and offer choices; the rules live in services and workflow."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from longdan.core.fields import NormalizedFormField
from longdan.core.forms import DateInput
from longdan.core.scoping import get_scope
from longdan.geo.models import Hamlet
from longdan.households.models import Household
from longdan.org.models import Unit
from longdan.people.models import Member

from .models import CaseState, Category, ResponsibleBody
from .selectors import hamlets_for_new_case
from .workflow import Transition, transitions_named


def _model_choice(form: forms.Form, name: str) -> forms.ModelChoiceField:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    return field


class CaseOpenForm(forms.Form):
    """A new petition: from a household (usually fixed by ?household=) or from a hamlet."""

    household = forms.ModelChoiceField(
        label=_("Household"), queryset=Household.objects.none(), required=False, empty_label="—"
    )
    hamlet = forms.ModelChoiceField(
        label=_("Hamlet (raised at a cell meeting)"),
        queryset=Hamlet.objects.none(),
        required=False,
        empty_label="—",
    )
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    title = NormalizedFormField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Optional: the first line of the description is used otherwise."),
    )
    description = forms.CharField(
        label=_("What the household asks or reports"), widget=forms.Textarea(attrs={"rows": 5})
    )
    received_on = forms.DateField(label=_("Received on"), widget=DateInput())

    def __init__(
        self,
        *args: Any,
        user: Any,
        household: Household | None = None,
        hamlet: Hamlet | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fixed_household = household
        self.fixed_hamlet = hamlet
        self.fields["received_on"].initial = timezone.localdate()
        if household is not None or hamlet is not None:
            # The origin came from the page we were sent from; it is shown, not chosen.
            del self.fields["household"]
            del self.fields["hamlet"]
            return
        scope = get_scope(user)
        if scope.member_id is not None:
            # A member's own households: a short list. The command opens petitions from the household card.
            _model_choice(self, "household").queryset = Household.objects.filter(
                assignments__member_id=scope.member_id, assignments__end_date__isnull=True
            ).distinct()
        _model_choice(self, "hamlet").queryset = hamlets_for_new_case(user=user)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.fixed_household is not None or self.fixed_hamlet is not None:
            data["household"], data["hamlet"] = self.fixed_household, self.fixed_hamlet
        elif (data.get("household") is None) == (data.get("hamlet") is None):
            raise forms.ValidationError(_("Choose either a household or a hamlet."))
        return data


class TransitionForm(forms.Form):
    """Note, and the input a given move needs: a reason, the plan, the body, the reopening target, a confirmation."""

    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, name: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.name = name
        rows: list[Transition] = transitions_named(name)
        self.transition = rows[0]
        if len(rows) > 1:
            self.fields["to_state"] = forms.ChoiceField(
                label=_("Back to"),
                choices=[(t.to_state, CaseState(t.to_state).label) for t in rows],
                initial=rows[0].to_state,
                widget=forms.RadioSelect,
            )
        if self.transition.reason_required:
            self.fields["reason"] = forms.CharField(
                label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2})
            )
        if name == "plan":
            self.fields["plan"] = forms.CharField(
                label=_("Decision and plan"), widget=forms.Textarea(attrs={"rows": 3})
            )
        if name == "refer":
            self.fields["referred_to"] = forms.ChoiceField(
                label=_("Responsible body"), choices=[("", "—"), *ResponsibleBody.choices]
            )
            self.fields["referred_to_name"] = NormalizedFormField(
                label=_("Name of the body"), max_length=200, required=False
            )
        if self.transition.destructive:
            self.fields["confirm"] = forms.BooleanField(
                label=_("Yes, I am sure"),
                help_text=_("The petition will no longer be followed up."),
            )
        self.order_fields(
            ["to_state", "plan", "referred_to", "referred_to_name", "reason", "note", "confirm"]
        )

    def service_kwargs(self) -> dict[str, Any]:
        """The keyword arguments for services.case_transition, from cleaned data."""
        data = self.cleaned_data
        kwargs: dict[str, Any] = {
            "to_state": data.get("to_state") or self.transition.to_state,
            "note": data.get("note", ""),
            "reason": data.get("reason", ""),
        }
        if self.name == "plan":
            kwargs["plan"] = data["plan"]
        if self.name == "refer":
            kwargs["referred_to"] = data["referred_to"]
            kwargs["referred_to_name"] = data.get("referred_to_name", "")
        return kwargs


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}))


class BoardFilterForm(forms.Form):
    """The board's filters, read from the query string (GET), so a filtered board is a link one can share."""

    state = forms.ChoiceField(label=_("State"), choices=[("", _("All")), *CaseState.choices], required=False)
    category = forms.ChoiceField(
        label=_("Category"), choices=[("", _("All")), *Category.choices], required=False
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    member = forms.ModelChoiceField(label=_("Member"), queryset=Member.objects.none(), required=False)
    station = forms.ModelChoiceField(label=_("Station"), queryset=Unit.objects.none(), required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        member_field = _model_choice(self, "member")
        member_field.queryset = Member.objects.visible_to(user).active()
        member_field.empty_label = _("All members")
        stations = Unit.objects.visible_to(user).stations()
        station_field = _model_choice(self, "station")
        station_field.queryset = stations
        station_field.empty_label = _("All stations")
        self.show_station = stations.count() > 1
