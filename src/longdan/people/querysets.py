"""Scoped queryset for members."""

from typing import Any, Self

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef, Q

from longdan.core.scoping import get_scope


class MemberQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> Self:
        scope = get_scope(user)
        if scope.everything:
            return self
        condition = Q(pk__in=[])
        if scope.unit_ids:
            condition |= Q(unit_id__in=scope.unit_ids)
        if scope.member_id:
            condition |= Q(pk=scope.member_id)
        if scope.commune_ids:
            # A liaison sees the members in charge of households in their communes.
            assignment = apps.get_model("assignments", "HouseholdAssignment")
            in_communes = assignment.objects.filter(
                member_id=OuterRef("pk"), end_date__isnull=True, household__commune_id__in=scope.commune_ids
            )
            condition |= Q(Exists(in_communes))
        return self.filter(condition)

    def active(self) -> Self:
        return self.filter(status="active")

    def search(self, text: str) -> Self:
        from longdan.core.text import fold

        key = fold(text)
        return self.filter(name_folded__contains=key) if key else self
