"""Removing the demo (`longdan demo --reset`); building it is `builder.build()`."""

import contextlib
from collections import defaultdict
from typing import Any

from django.db.models import Model, Q, QuerySet
from django.db.models.deletion import ProtectedError, RestrictedError

from longdan.accounts.models import RoleGrant
from longdan.assignments.models import CellParticipation, HouseholdAssignment
from longdan.geo.models import Hamlet
from longdan.households.models import Household
from longdan.org.models import PartyCell, Unit
from longdan.people.models import Member
from longdan.rollup.models import MonthlyStationStats

from .seed_case import COMMAND_CODE, HQ_CODE, MEN, STATIONS, TEAMS, USERNAMES


def demo_delete() -> None:
    """Remove the demo: its stations and teams, members, hamlets, households and whatever hangs off them
    (the year's visits, petitions, tips, support and meetings).

    Only what the demo made goes: a synthetic national dataset may hang its own stations
    under the demo's provincial command and HQ, which then stay. The accounts stay too
    (the six logins and the members' own; their role grants go): the append-only audit
    trail refers to them, and `builder.build()` takes them over again. Runs inside the
    caller's transaction.
    """
    RoleGrant.objects.filter(user__username__in=USERNAMES).delete()
    Member.objects.filter(user__username__in=USERNAMES).update(user=None)
    codes = {spec.code for spec in STATIONS} | {
        f"{spec.code}-{suffix}" for spec in STATIONS for suffix, _ in TEAMS
    }
    units = Unit.objects.filter(code__in=codes)
    households = Household.objects.filter(station__in=units)
    members = Member.objects.filter(Q(unit__in=units) | Q(unit__code=COMMAND_CODE, full_name=MEN.full_name))
    named_hamlets = Q(pk__in=[])
    for spec in STATIONS:
        for area in spec.areas:
            names = [hamlet.name for hamlet in area.hamlets]
            named_hamlets |= Q(commune__code=area.commune, commune__valid_to__isnull=True, name__in=names)
    hamlet_ids = set(households.values_list("hamlet_id", flat=True))
    hamlet_ids |= set(Hamlet.objects.filter(named_hamlets).values_list("pk", flat=True))
    RoleGrant.objects.filter(unit__in=units).delete()
    _purge(HouseholdAssignment.objects.filter(Q(household__in=households) | Q(member__in=members)))
    _purge(CellParticipation.objects.filter(member__in=members))
    _purge(households)
    # A hamlet where someone else's households live stays, with its cell.
    hamlets = Hamlet.objects.filter(pk__in=hamlet_ids, households__isnull=True)
    _purge(PartyCell.objects.filter(Q(hamlet__in=hamlets) | Q(unit__in=units)))
    _purge(hamlets)
    _purge(members)
    # The monthly rollup names stations by id, without a foreign key: their rows go with them.
    MonthlyStationStats.objects.filter(station_id__in=[unit.pk for unit in units]).delete()
    for unit in sorted(units, key=lambda u: u.path.count("/"), reverse=True):
        _purge(Unit.objects.filter(pk=unit.pk))
    # The command and the HQ go too unless something else (generated stations, a grant) still needs them.
    for code in (COMMAND_CODE, HQ_CODE):
        with contextlib.suppress(ProtectedError, RestrictedError):
            Unit.objects.filter(code=code, children__isnull=True).delete()


def _purge(queryset: QuerySet[Any], depth: int = 0) -> None:
    """Delete the rows, first deleting what protects them (visits, cases … of demo households)."""
    while True:
        try:
            queryset.delete()
            return
        except (ProtectedError, RestrictedError) as exc:
            if depth > 8:
                raise
            blockers = exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects
            by_model: dict[type[Model], set[Any]] = defaultdict(set)
            for obj in blockers:
                by_model[type(obj)].add(obj.pk)
            for model, pks in by_model.items():
                _purge(model._base_manager.filter(pk__in=pks), depth + 1)
