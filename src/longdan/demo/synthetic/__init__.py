"""A synthetic national dataset shaped like the real one, built in bulk (`longdan generate`).

Why it exists: the pages, indicators and reports must stay fast at national
scale (DESIGN.md, "Performance design"), and that can only be measured on data
of the right shape — border provinces, stations of 20–60 members, about five
households per member, about 4.5 residents per household, poverty histories,
reassignments — not on the 350 households of the Sóc Trăng demo.

How it is built: one `create_<kind>(ctx)` function per kind of record, run in
order by `generate()` (`STEPS` below), grouped by domain as the apps are:
`org` (field units, areas, hamlets, cells), `people`, `households` (with
residents and poverty reviews), `assignments`, `accounts`, then three years of
events: `fieldwork` (visits, cell meetings), `cases`, `support` (tips, benefits,
medical camps), with what they share in `events`; `finish` rebuilds the monthly
rollup the services would have kept current, and gives PostgreSQL's planner its
statistics. Each function plans
its rows in Python with its own seeded `random.Random` (so adding a step later
never changes the rows of an earlier one), keeps what later steps need in the
`Synthetic` context (`context`), and writes its rows through `writing.write`:
chunks of 5,000 in their own transaction, by COPY on PostgreSQL and multi-row
INSERT on SQLite; events, by the million, as tuples with ids of their own
(`writing.write_tuples`). A new kind is a module here, a function appended to
`STEPS`, and its delete in `delete_generated`.

Every generated unit code starts with `GEN-`, every generated username with
`gen-`, and every generated event is recorded by the `gen-recorder` login; that
is how generated data is found again (to refuse a second run, or
to delete it with `--reset`). Data entered by people or by `longdan demo` is
never touched: the generator hangs its stations under an existing HQ and
provincial command when there is one, and never takes a commune that a
non-generated station already covers.
"""

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

from django.db import connection, models, transaction
from django.db.models import Q

from longdan.accounts.models import RoleGrant, User
from longdan.assignments.models import CellParticipation, HouseholdAssignment
from longdan.cases.models import Case, CaseEvent
from longdan.fieldwork.models import CellMeeting, Visit, VisitMember
from longdan.geo.models import Hamlet
from longdan.households.models import Household, PovertyAssessment, Resident
from longdan.intel.models import Tip, TipEvent
from longdan.org.models import PartyCell, Unit, UnitArea, UnitKind
from longdan.people.models import Member
from longdan.rollup.models import MonthlyStationStats
from longdan.support.models import Benefit, SupportEvent

from .accounts import create_users
from .assignments import create_assignments, create_cell_participations
from .cases import create_cases
from .context import GEN_PREFIX, USERNAME_PREFIX, GeneratedDataExists, NoBorderProvinces, Synthetic
from .events import RECORDER, finish
from .fieldwork import create_cell_meetings, create_visits
from .households import create_assessments, create_households, create_residents
from .org import create_areas, create_hamlets, create_party_cells, create_units, plan_stations
from .people import create_members
from .support import create_benefits, create_support_events, create_tips

__all__ = [
    "GEN_PREFIX",
    "STEPS",
    "USERNAME_PREFIX",
    "GeneratedDataExists",
    "NoBorderProvinces",
    "Synthetic",
    "delete_generated",
    "generate",
    "generated_exists",
]

# The order matters: each step reads what the ones before it planned and wrote.
STEPS: tuple[Callable[[Synthetic], None], ...] = (
    plan_stations,
    create_units,
    create_areas,
    create_hamlets,
    create_party_cells,
    create_members,
    create_households,
    create_residents,
    create_assessments,
    create_assignments,
    create_cell_participations,
    create_users,
    create_visits,
    create_cases,
    create_tips,
    create_benefits,
    create_support_events,
    create_cell_meetings,
    finish,
)


def generated_exists() -> bool:
    return (
        Unit.objects.filter(code__startswith=GEN_PREFIX).exists()
        or User.objects.filter(username__startswith=USERNAME_PREFIX).exists()
    )


def generate(
    *,
    households: int,
    seed: int,
    as_of: date,
    progress: bool = False,
    password: str | None = None,
    reset: bool = False,
    months: int = 36,
) -> Synthetic:
    """Build the dataset; refuse when generated data is already there, unless `reset` deletes it first."""
    if households < 1:
        raise ValueError("households must be at least 1")
    if generated_exists():
        if not reset:
            raise GeneratedDataExists(
                "Generated data is already in the database. Run again with --reset to delete it and generate anew."
            )
        delete_generated()
    ctx = Synthetic(
        households=households, seed=seed, as_of=as_of, progress=progress, password=password, months=months
    )
    with _large_page_cache():
        for step in STEPS:
            step(ctx)
    return ctx


@contextmanager
def _large_page_cache() -> Iterator[None]:
    """On SQLite, a page cache of up to 1 GiB for this connection while generating, then the old size back.

    Seven indexes on seven million visits: with the default 2 MiB cache, most inserts
    into an index read its page back from the operating system first.
    """
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (before,) = cursor.fetchone()
        cursor.execute("PRAGMA cache_size = -1048576")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


# --- deleting generated data (--reset), children before parents ---


def _generated_units() -> models.QuerySet[Unit]:
    return Unit.objects.filter(code__startswith=GEN_PREFIX)


def _generated_hamlets() -> models.QuerySet[Hamlet]:
    """Hamlets the generator made: in a generated station's communes, in no other station's, with no household."""
    generated = UnitArea.objects.filter(unit__code__startswith=GEN_PREFIX).values("commune_id")
    others = UnitArea.objects.exclude(unit__code__startswith=GEN_PREFIX).values("commune_id")
    return (
        Hamlet.objects.filter(commune_id__in=generated).exclude(commune_id__in=others).filter(households=None)
    )


def delete_generated() -> Counter[str]:
    """Delete every generated row (found by the GEN- unit codes and gen- usernames), and nothing else.

    Each kind is one DELETE … WHERE … IN (subquery) rather than Django's
    collector, which would load 100,000 households and half a million residents
    to cascade them (minutes, not seconds). Kinds are deleted children first;
    foreign keys are checked at commit, so a record someone entered against
    generated data (a visit, a petition) makes the whole reset fail and roll back
    instead of vanishing (checked before this returns). Steps added to the
    generator add their delete here.
    """
    units = _generated_units()
    members = Member.objects.filter(unit__in=units)
    households = Household.objects.filter(station__in=units)
    deleted: Counter[str] = Counter()

    def delete(queryset: models.QuerySet) -> None:
        # No signals and no cascades: every dependent kind is deleted explicitly above its parent.
        deleted[queryset.model._meta.label] += queryset._raw_delete(queryset.db)

    recorder = User.objects.filter(username=RECORDER)
    visits = Visit.objects.filter(recorded_by__in=recorder)
    meetings = CellMeeting.objects.filter(recorded_by__in=recorder)
    cases = Case.objects.filter(recorded_by_user__in=recorder)
    tips = Tip.objects.filter(recorded_by__in=recorder)
    with transaction.atomic():
        # Events first: only those the generator recorded; one entered by a person stops the reset below.
        delete(VisitMember.objects.filter(visit__in=visits))
        delete(visits)
        delete(CellMeeting.attendees.through.objects.filter(cellmeeting__in=meetings))
        delete(meetings)
        delete(CaseEvent.objects.filter(case__in=cases))
        delete(cases)
        delete(TipEvent.objects.filter(tip__in=tips))
        delete(tips)
        delete(Benefit.objects.filter(recorded_by__in=recorder))
        delete(SupportEvent.objects.filter(recorded_by__in=recorder))
        # The rollup is derived: the next run's `finish` recounts it.
        delete(MonthlyStationStats.objects.filter(station_id__in=units.values("pk")))
        delete(CellParticipation.objects.filter(member__in=members))
        delete(HouseholdAssignment.objects.filter(Q(household__in=households) | Q(member__in=members)))
        delete(PovertyAssessment.objects.filter(household__in=households))
        delete(Resident.objects.filter(household__in=households))
        delete(households)
        # Few rows, and users have many-to-many and SET_NULL relations: Django's own delete is right here.
        for queryset in (
            RoleGrant.objects.filter(Q(unit__in=units) | Q(user__username__startswith=USERNAME_PREFIX)),
            User.objects.filter(username__startswith=USERNAME_PREFIX),
        ):
            deleted.update(queryset.delete()[1])
        delete(members)
        delete(CellParticipation.objects.filter(cell__hamlet__in=_generated_hamlets()))
        delete(PartyCell.objects.filter(Q(hamlet__in=_generated_hamlets()) | Q(unit__in=units)))
        delete(_generated_hamlets())
        delete(UnitArea.objects.filter(unit__in=units))
        # A command only when nothing entered by hand hangs under it; the national HQ stays.
        delete(units.filter(kind__in=[UnitKind.TEAM, UnitKind.STATION, UnitKind.FLOTILLA]))
        delete(units.filter(kind=UnitKind.PROVINCE_COMMAND, children=None))
        # Now rather than at the outer commit (which may be a caller's): a dangling reference raises here.
        connection.check_constraints()
    return +deleted
