"""Scoped querysets for households and the records that hang off one."""

from typing import Any, Self

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef, Q

from longdan.core.scoping import get_scope


def household_visibility(model: type[models.Model], user: Any, prefix: str = "") -> Q | None:
    """The Q that limits `model` rows (reached through `prefix`) to households `user` may see.

    None means everything; Q(pk__in=[]) means nothing.
    """
    scope = get_scope(user)
    if scope.everything:
        return None
    condition = Q(pk__in=[])
    if scope.unit_ids:
        condition |= Q(**{f"{prefix}station_id__in": scope.unit_ids})
    if scope.commune_ids:
        condition |= Q(**{f"{prefix}commune_id__in": scope.commune_ids})
    if scope.member_id:
        # Looked up by name: assignments sits above households, so households does not import it.
        assignment = apps.get_model("assignments", "HouseholdAssignment")
        own = assignment.objects.filter(
            household_id=OuterRef(f"{prefix[:-2]}_id" if prefix else "pk"),
            member_id=scope.member_id,
            end_date__isnull=True,
        )
        condition |= Q(Exists(own))
    return condition


class HouseholdQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> Self:
        condition = household_visibility(self.model, user)
        return self if condition is None else self.filter(condition)

    def search(self, text: str) -> Self:
        from longdan.core.text import fold

        key = fold(text)
        if not key:
            return self
        return self.filter(Q(name_folded__contains=key) | Q(code__iexact=text.strip()))


class ScopedByHouseholdQuerySet(models.QuerySet):
    """For rows that belong to one household (residents, assessments): visible when the household is."""

    def visible_to(self, user: Any) -> Self:
        condition = household_visibility(self.model, user, prefix="household__")
        return self if condition is None else self.filter(condition)
