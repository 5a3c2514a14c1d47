"""Shared pieces for every app's admin: folded search, the scoping rule, writes through services.

How to use them in an app's ``admin.py`` (geo, org, people, … all may):

``FoldedSearchMixin``
    Put it before ``admin.ModelAdmin`` and list the columns that hold ``core.text.fold``
    keys (``FoldedKeyField``)::

        @admin.register(Hamlet)
        class HamletAdmin(FoldedSearchMixin, admin.ModelAdmin):
            search_fields = ["=commune__code"]  # optional: Django's own lookups, raw term
            folded_search_fields = ["name_folded"]

    The search term is folded the same way the keys are, so "sa vong", "SÀ VỌNG" and
    the NFD form of "Sà Vọng" all find "Thạch Thị Sà Vọng". Every word of the term
    must occur in one of the folded columns ("thach vong" finds her too); a quoted
    phrase is one word. Rows matched by ``search_fields`` (exact codes, say) are
    added to the result. The search box and the autocomplete widgets of other
    admins pointing at this model use the same search. Django's admin check wants
    ``search_fields`` to be non-empty when another admin names the model in
    ``autocomplete_fields``: give it an exact-match column such as ``"=code"``.

``ScopedModelAdmin`` (or ``ScopedAdminMixin`` on an inline)
    Restricts the changelist, the change pages, the foreign-key choices and the
    autocomplete answers to ``visible_to(request.user)`` — the one access rule of
    DESIGN.md — for models whose queryset has that method. Admin is for
    administrators (who see everything anyway), but a staff account given a station
    role must not see another station's households through the back door. A model
    without ``visible_to`` is shown only to users whose scope is everything
    (superusers, the admin role, the national HQ); set ``global_only = False`` on
    reference data that every staff user may read (official units, hamlets).

``ServiceAdminMixin``
    For models whose writes carry business rules (one open primary member per
    household, a unit's materialised path, a derived poverty category): override
    ``save_via_service`` to call the app's service with the form's cleaned data. The
    service is first tried inside a savepoint that is always rolled back, while the
    form is being validated, so its ``ValidationError`` becomes an ordinary form
    error; on save it runs for real. Services therefore must not have effects outside
    the database (send mail from ``transaction.on_commit``, which a rolled-back
    savepoint discards).
"""

from collections.abc import Sequence
from functools import reduce
from operator import and_, or_
from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction
from django.forms import BaseForm, ModelForm
from django.http import HttpRequest
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import gettext_lazy as _

from longdan.audit.services import audit_change, snapshot

from .scoping import get_scope
from .text import fold

if TYPE_CHECKING:
    _ModelAdminBase = admin.ModelAdmin
else:
    _ModelAdminBase = object

__all__ = [
    "FoldedSearchMixin",
    "ScopedAdminMixin",
    "ScopedModelAdmin",
    "ServiceAdminMixin",
    "folded_search_condition",
    "restrict_to_user",
]

admin.site.site_header = _("Lòng Dân — administration")
admin.site.site_title = _("Lòng Dân — administration")
admin.site.index_title = _("Records and reference data")


def folded_search_condition(fields: Sequence[str], search_term: str) -> models.Q | None:
    """The Q that finds `search_term` in folded-key columns, word by word; None when there is nothing to find."""
    conditions = []
    for bit in smart_split(search_term):
        if bit.startswith(('"', "'")) and bit[0] == bit[-1]:
            bit = unescape_string_literal(bit)
        key = fold(bit)
        if key:
            conditions.append(reduce(or_, (models.Q(**{f"{field}__contains": key}) for field in fields)))
    if not fields or not conditions:
        return None
    return reduce(and_, conditions)


class FoldedSearchMixin(_ModelAdminBase):
    """Admin search by the folded key (no diacritics, any case, any Unicode form), plus `search_fields`."""

    folded_search_fields: Sequence[str] = ()

    def get_search_fields(self, request: HttpRequest) -> list[str]:
        # The changelist shows the search box only when this is non-empty.
        return list(super().get_search_fields(request)) or list(self.folded_search_fields)

    def get_search_results(
        self, request: HttpRequest, queryset: models.QuerySet, search_term: str
    ) -> tuple[models.QuerySet, bool]:
        condition = folded_search_condition(self.folded_search_fields, search_term)
        if self.search_fields:
            matched, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        elif condition is None:
            return queryset, False
        else:
            matched, may_have_duplicates = queryset.none(), False
        if condition is None:
            return matched, may_have_duplicates
        return matched | queryset.filter(condition), may_have_duplicates


def restrict_to_user(queryset: models.QuerySet, user: Any, *, global_only: bool = True) -> models.QuerySet:
    """`queryset` limited to what `user` may see: its `visible_to`, or everything/nothing for unscoped models."""
    visible_to = getattr(queryset, "visible_to", None)
    if visible_to is not None:
        return visible_to(user)
    if global_only and not get_scope(user).everything:
        return queryset.none()
    return queryset


class ScopedAdminMixin(_ModelAdminBase):
    """Every row an admin page lists, opens or offers as a choice passes the scoping rule."""

    # A model without `visible_to` is listed only for users who see everything.
    global_only = True

    def get_queryset(self, request: HttpRequest) -> models.QuerySet:
        return restrict_to_user(super().get_queryset(request), request.user, global_only=self.global_only)

    def get_field_queryset(self, db: Any, db_field: Any, request: HttpRequest) -> models.QuerySet | None:
        # Choices for a foreign key or many-to-many: only the scoped models are narrowed.
        # Reference data without `visible_to` (communes, hamlets) stays open to every staff user.
        queryset = super().get_field_queryset(db, db_field, request)
        related = db_field.remote_field.model
        if not hasattr(related._default_manager.all(), "visible_to"):
            return queryset
        if queryset is None:
            queryset = related._default_manager.using(db).all()
        return restrict_to_user(queryset, request.user)


class AuditedAdminWritesMixin(_ModelAdminBase):
    """What the admin itself writes — an edit with no service behind it, a delete, an inline row —
    leaves one change row in the audit trail, as a service would (before and after, the administrator).
    """

    def audited_save(self, request: HttpRequest, obj: models.Model, save: Any) -> None:
        before = _stored_snapshot(obj)
        save()
        after = snapshot(obj)
        # A save that changed nothing but its own timestamp is not a change.
        if before is None or _without_stamp(before) != _without_stamp(after):
            audit_change(actor=request.user, obj=obj, before=before, after=after)

    def save_model(self, request: Any, obj: Any, form: Any, change: Any) -> None:
        with transaction.atomic():
            self.audited_save(
                request,
                obj,
                lambda: super(AuditedAdminWritesMixin, self).save_model(request, obj, form, change),
            )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with transaction.atomic():
            audit_change(actor=request.user, obj=obj, before=snapshot(obj), after=None)
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: models.QuerySet) -> None:
        with transaction.atomic():
            for obj in queryset:
                audit_change(actor=request.user, obj=obj, before=snapshot(obj), after=None)
            super().delete_queryset(request, queryset)

    def save_formset(self, request: Any, form: Any, formset: Any, change: Any) -> None:
        with transaction.atomic():
            instances = formset.save(commit=False)
            for obj in formset.deleted_objects:
                audit_change(actor=request.user, obj=obj, before=snapshot(obj), after=None)
                obj.delete()
            for obj in instances:
                self.audited_save(request, obj, obj.save)
            formset.save_m2m()


def _without_stamp(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if key != "updated_at"}


def _stored_snapshot(obj: models.Model) -> dict[str, Any] | None:
    """The row as the database holds it (the form has already changed `obj` in memory); None if new."""
    if obj._state.adding or obj.pk is None:
        return None
    stored = type(obj)._default_manager.filter(pk=obj.pk).first()
    return snapshot(stored) if stored is not None else None


class ScopedModelAdmin(AuditedAdminWritesMixin, ScopedAdminMixin, admin.ModelAdmin):
    """The base for the project's model admins."""

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = super().get_fields(request, obj)
        if obj is None:
            # TimeStampedModel's stamps mean nothing on a row not yet saved.
            return [name for name in fields if name not in ("created_at", "updated_at")]
        return fields


class _DryRun(Exception):
    """Raised inside the trial savepoint so it always rolls back."""


class ServiceAdminMixin(AuditedAdminWritesMixin):
    """Writes go through a service; its ValidationError shows on the form instead of as a server error.

    The service writes the audit row; a save with no service behind it is audited here."""

    def save_via_service(self, request: HttpRequest, form: ModelForm, change: bool) -> models.Model | None:
        """Call the service for this save with `form.cleaned_data` and return the saved row.

        Return None when this save has no rule beyond the model's own (the form then saves
        as Django's admin would). Called twice per successful save: once as a trial during
        validation, once for real.
        """
        return None

    def get_form(self, request: Any, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form_class = super().get_form(request, obj, change=change, **kwargs)
        model_admin = self

        class ServiceCheckedForm(form_class):  # type: ignore[valid-type,misc]
            def _post_clean(self) -> None:
                super()._post_clean()
                if not self.errors:
                    model_admin._trial_save(request, self, change)

        ServiceCheckedForm.__name__ = form_class.__name__
        return ServiceCheckedForm

    def _trial_save(self, request: HttpRequest, form: ModelForm, change: bool) -> None:
        try:
            with transaction.atomic():
                self.save_via_service(request, form, change)
                raise _DryRun
        except _DryRun:
            pass
        except ValidationError as exc:
            _add_errors(form, exc)
        finally:
            # The trial may have changed the in-memory instance (a path, a pk); start clean.
            if not change:
                form.instance.pk = None
                form.instance._state.adding = True

    def save_model(self, request: Any, obj: Any, form: Any, change: Any) -> None:
        saved = self.save_via_service(request, form, change)
        if saved is None:
            super().save_model(request, obj, form, change)  # audited by AuditedAdminWritesMixin
        elif saved is not obj:
            # The admin goes on with `obj` (the change message, the redirect, inline
            # formsets bound to it): make it the row the service saved.
            obj.__dict__.update(saved.__dict__)


def _add_errors(form: BaseForm, exc: ValidationError) -> None:
    """Attach a service's errors to the form: to the named field if the form has it, else to the form."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, errors in exc.error_dict.items():
        target = field if field in form.fields and field != NON_FIELD_ERRORS else None
        form.add_error(target, errors)
