"""Forms for the field pages: parse and check input; the services decide and write."""

import uuid
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from longdan.core.forms import DateInput, DateTimeInput
from longdan.households.models import Household
from longdan.org.models import PartyCell, Unit
from longdan.people.models import Member, MemberStatus

from .models import Advice, Topic, VisitKind


class BigCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes drawn as large tiles a thumb can hit (see fieldwork/_styles.html)."""

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs={"class": "fw-tiles", **(attrs or {})})


class BigRadios(forms.RadioSelect):
    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs={"class": "fw-tiles", **(attrs or {})})


def _text(label: Any, rows: int = 3) -> forms.CharField:
    # A plain CharField: NormalizedFormField folds line breaks; the model field NFC-normalises on clean.
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": rows}))


class MemberChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Member) -> str:
        return str(obj)


def _members_field(label: Any) -> MemberChoiceField:
    return MemberChoiceField(queryset=Member.objects.none(), label=label, widget=BigCheckboxes)


def _members_for(user: Any, station_path: str) -> Any:
    # Only members the user may see (a field member sees himself), of the station and its teams.
    return (
        Member.objects.visible_to(user)
        .filter(unit__path__startswith=station_path, status=MemberStatus.ACTIVE)
        .order_by("name_sort")
    )


class RecordFilterForm(forms.Form):
    """The filters of a list of field records (visits, cell meetings): a plain GET form.

    The station picker is offered only to those who see more than one station.
    """

    station = forms.ModelChoiceField(label=_("Station"), queryset=Unit.objects.none(), required=False)
    since = forms.DateField(label=_("From"), required=False, widget=DateInput())
    until = forms.DateField(label=_("To"), required=False, widget=DateInput())

    def __init__(self, *args: Any, stations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["station"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = stations
        field.empty_label = _("All stations")
        self.station_count = stations.count()
        if self.station_count < 2:
            del self.fields["station"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            raise ValidationError(_("The end date is before the start date."), code="range")
        return data

    def filters(self) -> dict[str, Any]:
        """The valid filters as keyword arguments of the list's selector (none when the form is not valid)."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}


class VisitFilterForm(RecordFilterForm):
    member = forms.ModelChoiceField(label=_("Member present"), queryset=Member.objects.none(), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All")), *VisitKind.choices])

    def __init__(self, *args: Any, stations: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, stations=stations, **kwargs)
        field = self.fields["member"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = members
        field.empty_label = _("All members")
        if not self.station_count:  # a field member: his own visits only
            del self.fields["member"]


class VisitForm(forms.Form):
    """Ghi nhận tiếp xúc: everything but the household (fixed by the URL) and who records it (the user).

    The hidden client UUID is drawn with the form, so sending the same form twice makes one visit.
    """

    visited_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=DateTimeInput(),
    )
    kind = forms.ChoiceField(label=_("Kind of contact"), choices=VisitKind.choices, widget=BigRadios)
    members = _members_field(_("Members present"))
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.filter(is_active=True),
        required=False,
        label=_("Topics disseminated"),
        widget=BigCheckboxes,
    )
    advice = forms.MultipleChoiceField(
        choices=Advice.choices, required=False, label=_("Advice given"), widget=BigCheckboxes
    )
    security_situation = _text(_("Situation: social order and security"))
    welfare_situation = _text(_("Situation: welfare policies"))
    aspirations = _text(_("Thoughts and wishes"))
    follow_up_on = forms.DateField(
        label=_("Follow up on"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty if no follow-up is needed."),
    )
    client_uuid = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, household: Household, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.household = household
        members = _members_for(user, household.station.path)
        self.fields["members"].queryset = members  # type: ignore[attr-defined]
        if not self.is_bound:
            me = [m.pk for m in members if m.user_id == user.pk]
            self.initial.setdefault("members", me)
            self.initial.setdefault("visited_at", timezone.localtime().replace(second=0, microsecond=0))
            self.initial.setdefault("kind", VisitKind.HOME)
            self.initial.setdefault("client_uuid", uuid.uuid4())

    def visit_arguments(self) -> dict[str, Any]:
        """The valid form as `visit_record`'s keyword arguments (the page and the API call it alike)."""
        data = self.cleaned_data
        return {
            **{name: data[name] for name in self.fields if name not in ("members", "topics")},
            "household": self.household,
            "members": list(data["members"]),
            "topics": list(data["topics"]),
        }


class CellMeetingForm(forms.Form):
    """Biên bản sinh hoạt chi bộ ấp: issues are typed one per line, so the form needs no script."""

    cell = forms.ModelChoiceField(queryset=PartyCell.objects.none(), label=_("Hamlet cell"))
    held_on = forms.DateField(label=_("Date"), widget=DateInput())
    attendees = _members_field(_("Station members attending"))
    contributions = _text(_("What the members contributed"), rows=4)
    issues = forms.CharField(
        label=_("Issues raised"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One issue per line. Each can later become a petition of the hamlet."),
    )
    client_uuid = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, user: Any, cells: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cell"].queryset = cells  # type: ignore[attr-defined]
        members = (
            Member.objects.visible_to(user)
            .filter(status=MemberStatus.ACTIVE, unit__kind__in=["station", "flotilla", "team"])
            .order_by("name_sort")
        )
        self.fields["attendees"].queryset = members  # type: ignore[attr-defined]
        if not self.is_bound:
            self.initial.setdefault("held_on", timezone.localdate())
            self.initial.setdefault("attendees", [m.pk for m in members if m.user_id == user.pk])
            self.initial.setdefault("client_uuid", uuid.uuid4())

    def issue_lines(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("issues", "").splitlines() if line.strip()]


class CadenceForm(forms.Form):
    priority_days = forms.IntegerField(
        min_value=1, max_value=366, label=_("Priority households: every (days)")
    )
    poor_days = forms.IntegerField(
        min_value=1, max_value=366, label=_("Poor and near-poor households: every (days)")
    )
    other_days = forms.IntegerField(min_value=1, max_value=366, label=_("Other households: every (days)"))


def add_service_errors(form: forms.Form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its field when the form has it, else on top."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            target = name if name in form.fields and not form.fields[name].widget.is_hidden else None
            for error in errors:
                form.add_error(target, error)
    else:
        form.add_error(None, exc)
