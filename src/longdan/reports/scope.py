"""What a report counts: a unit subtree or a set of communes, never more than its user may see.

A ReportScope is built in one of three ways:

- `ReportScope.for_unit(unit_or_code, user=None)`: the unit and everything under it
  (the HQ: the whole country). With a user, the unit must be one they may see under
  the access rule (`core.scoping`), else Http404 — the same answer as for no such unit.
- `ReportScope.for_communes(communes, user=None)`: the households and events of those
  communes; with a user, only communes they hold as a liaison (or everything).
- `ReportScope.for_user(user)`: everything the user may see — the field units under
  their command grants and the communes of their liaison grants, exactly the sets in
  their `core.scoping.Scope`; a member without a command or liaison role gets an empty scope.

There is no second access rule here: the stations and communes come from the user's
Scope, and tips — visible to fewer people than the rest — are counted through
`Tip.objects.visible_to(user)` itself.

Events (visits, petitions, tips, benefits, meetings) are counted by the station they
were attributed to when they happened (DESIGN.md, "Performance design"); households by
the station and commune they belong to now. Teams have no events of their own: a scope
is made of field units (stations, flotillas).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from longdan.core.scoping import get_scope
from longdan.geo.models import AdminUnit
from longdan.intel.models import TIP_COMMAND_ROLES, Tip
from longdan.org.models import FIELD_UNIT_KINDS, Unit

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class ReportScope:
    label: str
    # The whole country: households are not filtered by place (events by the list of all stations).
    everything: bool = False
    station_ids: frozenset[int] = field(default_factory=frozenset)
    commune_ids: frozenset[int] = field(default_factory=frozenset)
    # The root of the subtree when the scope is one unit (the key of the rows below it).
    unit: Unit | None = field(default=None, compare=False)
    # The user the scope was built for; None for a scope built by the system (`longdan report`).
    user: Any = field(default=None, compare=False)

    # --- building ---

    @classmethod
    def for_unit(cls, unit: Unit | str, *, user: Any = None) -> "ReportScope":
        """The subtree of `unit` (a Unit or its code). With `user`: Http404 unless they may see the unit."""
        if isinstance(unit, str):
            found = Unit.objects.filter(code=unit).first()
            if found is None:
                raise Http404(_("No unit has the code “%(code)s”.") % {"code": unit})
            unit = found
        if user is not None:
            access = get_scope(user)
            if not (access.everything or unit.pk in access.unit_ids):
                raise Http404
        if unit.parent_id is None:
            return cls(label=unit.name, everything=True, station_ids=_all_stations(), unit=unit, user=user)
        stations = Unit.objects.filter(path__startswith=unit.path, kind__in=FIELD_UNIT_KINDS)
        return cls(
            label=unit.name,
            station_ids=frozenset(stations.values_list("pk", flat=True)),
            unit=unit,
            user=user,
        )

    @classmethod
    def for_communes(cls, communes: Iterable[AdminUnit | int], *, user: Any = None) -> "ReportScope":
        """The households and events of `communes`. With `user`: Http404 unless all are theirs."""
        ids = frozenset(c.pk if isinstance(c, AdminUnit) else int(c) for c in communes)
        if user is not None:
            access = get_scope(user)
            if not (access.everything or ids <= access.commune_ids):
                raise Http404
        names = list(AdminUnit.objects.filter(pk__in=ids).order_by("name").values_list("name", flat=True))
        return cls(label=", ".join(names), commune_ids=ids, user=user)

    @classmethod
    def for_user(cls, user: Any) -> "ReportScope":
        """Everything `user` may see: their command subtrees' field units and their liaison communes."""
        access = get_scope(user)
        if access.everything:
            return cls(label=_("Whole country"), everything=True, station_ids=_all_stations(), user=user)
        stations = list(
            Unit.objects.filter(pk__in=access.unit_ids, kind__in=FIELD_UNIT_KINDS).values_list(
                "pk", flat=True
            )
        )
        # Named by the top units of the grants (a province command, not its forty stations).
        tops = [
            unit
            for unit in Unit.objects.filter(pk__in=access.unit_ids).order_by("path")
            if not unit.parent_id or unit.parent_id not in access.unit_ids
        ]
        communes = AdminUnit.objects.filter(pk__in=access.commune_ids).order_by("name")
        names = [unit.name for unit in tops] + [commune.name for commune in communes]
        return cls(
            label=", ".join(names),
            station_ids=frozenset(stations),
            commune_ids=frozenset(access.commune_ids),
            unit=tops[0] if len(tops) == 1 and not access.commune_ids else None,
            user=user,
        )

    # --- reading ---

    @property
    def is_empty(self) -> bool:
        return not (self.everything or self.station_ids or self.commune_ids)

    def filter_events(
        self, queryset: QuerySet[M], *, station: str = "station_id", commune: str | None = "commune_id"
    ) -> QuerySet[M]:
        """Rows whose station (at the time) is in the scope, or whose commune is one of its communes.

        `commune=None` for rows that carry no commune (tips): a commune scope then counts none of them.
        The whole country is filtered too, by the list of all its stations: the same rows (every
        event belongs to a station), but the database then reads the (station, time) indexes
        instead of scanning the table for a month.
        """
        if self.everything and not self.station_ids:
            return queryset
        conditions = []
        if self.station_ids:
            conditions.append(Q(**{f"{station}__in": sorted(self.station_ids)}))
        if self.commune_ids and commune:
            conditions.append(Q(**{f"{commune}__in": sorted(self.commune_ids)}))
        if not conditions:
            return queryset.none()
        return queryset.filter(reduce(or_, conditions))

    def filter_households(self, queryset: QuerySet[M], prefix: str = "") -> QuerySet[M]:
        """Households (or rows reached through `prefix`, e.g. "household__") in the scope now."""
        if self.everything:
            return queryset
        return self.filter_events(queryset, station=f"{prefix}station_id", commune=f"{prefix}commune_id")

    def tips(self) -> QuerySet[Tip]:
        """The scope's tips that its user may see (all of them for a scope without a user)."""
        base = Tip.objects.all() if self.user is None else Tip.objects.visible_to(self.user)
        if self.everything:  # a small table: no need to list every station to reach an index
            return base
        return self.filter_events(base, commune=None)

    @property
    def tips_complete(self) -> bool:
        """Whether `tips()` holds every tip of the scope, or only those the user's role may see.

        Tips are seen by the station command (and the receiving team, and the recorder):
        a province command or the HQ see no tip records, so their counts would be partial.
        """
        if self.commune_ids:
            return False  # tips carry no commune: a commune scope counts none of them
        if self.user is None:
            return True
        if self.everything:
            return False
        return self.station_ids <= get_scope(self.user).units_for(*TIP_COMMAND_ROLES)

    def tip_station_ids(self) -> frozenset[int] | None:
        """Stations whose tips the user sees in full (None: all of them, for a scope without a user)."""
        if self.user is None:
            return None
        return get_scope(self.user).units_for(*TIP_COMMAND_ROLES)

    def stations(self) -> QuerySet[Unit]:
        """The field units whose events the scope counts (for commune scopes: none)."""
        return Unit.objects.filter(kind__in=FIELD_UNIT_KINDS, pk__in=self.station_ids)

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "unit": {"id": self.unit.pk, "code": self.unit.code, "kind": self.unit.kind}
            if self.unit
            else None,
            "everything": self.everything,
            "stations": len(self.station_ids),
            "communes": sorted(self.commune_ids),
        }


def _all_stations() -> frozenset[int]:
    return frozenset(Unit.objects.filter(kind__in=FIELD_UNIT_KINDS).values_list("pk", flat=True))
