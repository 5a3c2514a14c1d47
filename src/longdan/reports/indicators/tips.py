"""Security tips: received, verified, acted on — only those the user may see."""

from collections.abc import Hashable
from typing import Any

from django.db.models import Count, QuerySet

from longdan.core.scoping import get_scope
from longdan.intel.models import TIP_COMMAND_ROLES, TIP_TEAM_ROLES, TipEvent, TipStatus

from ..periods import Period
from ..scope import ReportScope
from ._statements import statement_rows, statement_totals


def tips(scope: ReportScope, period: Period) -> dict[str, Any]:
    """Tips of the scope's stations (tips carry no commune: a commune scope counts none), limited to
    those the scope's user may see under the tip rule (`Tip.objects.visible_to`).

    - received: tips whose `received_at` falls on a local day of the period;
    - verified: tips moved to "verified" during the period (the TipEvent's time);
    - acted_on: tips moved to "acted on" during the period;
    - complete: False when the user's role sees only part of the scope's tips (a province
      command or the HQ see no tip records, so the counts are those of their own tips).
    """
    start, end = period.bounds()
    # The statements depend on the user's grants too (the tip rule): they are part of the key.
    key = (scope, period, _tip_grants(scope.user))

    def received() -> QuerySet[Any]:
        return scope.tips().filter(received_at__gte=start, received_at__lt=end)

    def moved() -> QuerySet[Any]:
        events = TipEvent.objects.filter(
            to_status__in=[TipStatus.VERIFIED, TipStatus.ACTED_ON], at__gte=start, at__lt=end
        ).order_by()
        if scope.user is None:  # every tip of the scope: a join on the tip's station (none for the country)
            if not scope.everything:
                events = scope.filter_events(events, station="tip__station_id", commune=None)
        else:  # only the tips the user may see, by the tip rule itself
            events = events.filter(tip__in=scope.tips().values("pk"))
        return events.values("to_status").annotate(n=Count("*")).values_list("to_status", "n")

    (count,) = statement_totals(("tips.received", *key), received, n=Count("*"))
    moves = dict(statement_rows(("tips.moved", *key), moved))
    return {
        "received": count,
        "verified": moves.get(TipStatus.VERIFIED, 0),
        "acted_on": moves.get(TipStatus.ACTED_ON, 0),
        "complete": scope.tips_complete,
    }


def _tip_grants(user: Any) -> Hashable:
    """What `Tip.objects.visible_to(user)` is built from: the user, and their station and team grants."""
    if user is None:
        return None
    access = get_scope(user)
    return (user.pk, access.units_for(*TIP_COMMAND_ROLES), access.units_for(*TIP_TEAM_ROLES))


__all__ = ["tips"]
