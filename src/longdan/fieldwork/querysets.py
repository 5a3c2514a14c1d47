"""Scoped querysets for visits and cell meetings: the one access rule, applied once."""

from typing import Any, Self, cast

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef, Q

from longdan.core.scoping import get_scope
from longdan.households.querysets import household_visibility


class VisitQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> Self:
        # A visit is seen by whoever sees its household: the same rule as the household card.
        condition = household_visibility(self.model, user, prefix="household__")
        return self if condition is None else self.filter(condition)

    def in_station(self, station_id: int) -> Self:
        return self.filter(station_id=station_id)


class CellMeetingQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> Self:
        """The station (and the commands above it) whose area holds the hamlet, the liaisons of its commune,
        and the members who attended the meeting or attend the cell."""
        scope = get_scope(user)
        if scope.everything:
            return self
        condition = Q(pk__in=[])
        if scope.unit_ids:
            condition |= Q(station_id__in=scope.unit_ids)
        if scope.commune_ids:
            condition |= Q(commune_id__in=scope.commune_ids)
        if scope.member_id:
            through = cast(Any, self.model).attendees.through  # CellMeeting.attendees' own table
            attendance = through.objects.filter(cellmeeting_id=OuterRef("pk"), member_id=scope.member_id)
            participation = apps.get_model("assignments", "CellParticipation").objects.filter(
                cell_id=OuterRef("cell_id"), member_id=scope.member_id, end_date__isnull=True
            )
            condition |= Q(Exists(attendance)) | Q(Exists(participation))
        return self.filter(condition)
