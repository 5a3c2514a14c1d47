"""Reads for members, scoped to a user."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from longdan.org.models import Unit

from .models import Member, MemberStatus

# Counted through the reverse relation so people need not import assignments (which sits above it).
_OPEN_PRIMARY = Q(assignments__end_date__isnull=True, assignments__role="primary")


def get_member_for_user(user: Any, pk: int) -> Member:
    """The member `pk` if `user` may see them; 404 for "no such id" and "not yours" alike."""
    return get_object_or_404(Member.objects.visible_to(user).select_related("unit"), pk=pk)


def station_members(*, user: Any, unit: Unit) -> QuerySet[Member]:
    """Active members of `unit` and the units under it (its teams), with `household_count`: open primary households.

    One query however many members: the count is a grouped join, not a query per member.
    """
    return (
        Member.objects.visible_to(user)
        .filter(unit__path__startswith=unit.path, status=MemberStatus.ACTIVE)
        .select_related("unit")
        .annotate(household_count=Count("assignments", filter=_OPEN_PRIMARY))
        .order_by("name_sort", "pk")
    )


def visible_member_ids(*, user: Any, ids: Iterable[int]) -> set[int]:
    """Which of `ids` `user` may open (to link a name only when the page behind it will not answer 404)."""
    ids = set(ids)
    if not ids:
        return set()
    return set(Member.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))
