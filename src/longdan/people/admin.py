"""Admin for party members.

A member is registered through `member_create`. Afterwards their unit and status are
read-only here: moving or retiring a member must close their open assignments and cell
participations and report the households left without a member (`member_transfer`),
which a plain edit of the row would skip.
"""

from typing import Any

from django import forms
from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from longdan.core.admin import FoldedSearchMixin, ScopedModelAdmin, ServiceAdminMixin

from .models import Language, Member
from .services import member_create

TIMESTAMPS = ("created_at", "updated_at")
MEMBER_FIELDS = (
    "full_name",
    "rank",
    "position",
    "unit",
    "status",
    "party_entry_date",
    "birth_date",
    "languages",
    "phone",
    "user",
)


class MemberForm(forms.ModelForm):
    # A checkbox per known language instead of raw JSON, so only known codes are stored.
    languages = forms.MultipleChoiceField(
        label=capfirst(_("languages spoken")),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Member
        fields = MEMBER_FIELDS


@admin.register(Member)
class MemberAdmin(FoldedSearchMixin, ServiceAdminMixin, ScopedModelAdmin):
    form = MemberForm
    list_display = ("name", "rank", "position", "unit", "status", "user")
    list_filter = ("status", ("unit", admin.RelatedOnlyFieldListFilter), "rank")
    list_select_related = ("unit", "user")
    search_fields = ("=phone",)
    folded_search_fields = ("name_folded",)
    autocomplete_fields = ("unit", "user")
    fields = (*MEMBER_FIELDS, *TIMESTAMPS)

    @admin.display(description=_("full name"), ordering="name_sort")
    def name(self, obj: Member) -> str:
        return obj.full_name

    def get_readonly_fields(self, request: HttpRequest, obj: Member | None = None) -> Any:
        if obj is None:
            return ("status", *TIMESTAMPS)  # a new member is active
        return ("unit", "status", *TIMESTAMPS)

    def save_via_service(self, request: HttpRequest, form: ModelForm, change: bool) -> Member | None:
        if change:
            return None  # name, rank, position, dates, languages, phone, account: the model's rules only
        data = form.cleaned_data
        return member_create(
            full_name=data["full_name"],
            rank=data["rank"],
            unit=data["unit"],
            position=data.get("position", ""),
            party_entry_date=data.get("party_entry_date"),
            birth_date=data.get("birth_date"),
            languages=list(data.get("languages") or []),
            phone=data.get("phone", ""),
            user=data.get("user"),
            acting_user=request.user,
        )
