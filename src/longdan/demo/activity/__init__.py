"""A year of the model at work on the seed case, written through the services as the people would.

From 1 December 2025 to 27 November 2026 (period.py): visits at each household's
cadence with the gaps real work leaves, monthly meetings of the hamlet cells the
members attend, about 150 petitions in every state, twenty security tips, two
medical camps, a scholarship ceremony, Tết gifts, foster children, livelihood
support and loans at every step of the bank's process — and the article's own
case, Thạch Thị Sà Vọng's loan (sa_vong.py).

Everything is planned first from one seeded random generator, then done in time
order under the demo clock, each step by the user whose step it is (actors.py).
The caller holds the transaction.
"""

import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from longdan.accounts.models import User
from longdan.assignments.models import AssignmentRole, CellParticipation, HouseholdAssignment
from longdan.cases.models import Case
from longdan.fieldwork.cadence import cadences_for
from longdan.fieldwork.models import CellMeeting, Visit
from longdan.households.models import Household
from longdan.intel.models import Tip
from longdan.org.models import PartyCell, Unit
from longdan.people.models import Member, MemberStatus
from longdan.support.models import Benefit, SupportEvent

from .. import seed_case as case
from . import loans, meetings, petitions, sa_vong, support, tips, visits
from .actors import ensure_accounts
from .agenda import Agenda


@dataclass
class ActivitySummary:
    visits: int = 0
    petitions: Counter[str] = field(default_factory=Counter)
    tips: Counter[str] = field(default_factory=Counter)
    events: int = 0
    benefits: int = 0
    meetings: int = 0


def build(*, seed: int) -> ActivitySummary:
    rng = random.Random(seed)
    order = {spec.code: n for n, spec in enumerate(case.STATIONS)}
    stations = sorted(Unit.objects.filter(code__in=order), key=lambda unit: order[unit.code])
    actors = ensure_accounts(stations)
    households = list(
        Household.objects.filter(station__in=stations)
        .select_related("station", "hamlet", "commune")
        .order_by("code")
    )
    in_charge = {
        row.household_id: row.member
        for row in HouseholdAssignment.objects.filter(
            household__in=households, role=AssignmentRole.PRIMARY, end_date__isnull=True
        ).select_related("member__unit")
    }
    colleagues: dict[int, list[Member]] = defaultdict(list)
    for member in Member.objects.filter(unit__in=stations, status=MemberStatus.ACTIVE).select_related("unit"):
        colleagues[member.unit_id].append(member)
    cells = list(
        PartyCell.objects.filter(hamlet__in={h.hamlet_id for h in households}).select_related("hamlet")
    )
    participants: dict[int, list[Member]] = defaultdict(list)
    for row in CellParticipation.objects.filter(cell__in=cells, end_date__isnull=True).select_related(
        "member__unit"
    ):
        if row.member.status == MemberStatus.ACTIVE:
            participants[row.cell_id].append(row.member)

    agenda = Agenda()
    visits.set_cadences(stations, actors)
    plans = visits.plan(
        rng,
        households=households,
        in_charge=in_charge,
        cadences=cadences_for([s.pk for s in stations]),
        colleagues=colleagues,
    )
    her = next(h for h in households if h.head_name == case.SA_VONG)
    users = {user.username: user for user in User.objects.filter(username__in=case.USERNAMES)}
    # The same account objects the other steps use: a user's scope is worked out once and kept on it.
    users.update({user.username: user for user in actors.users.values()})
    if actors.liaison is not None:
        users[actors.liaison.username] = actors.liaison
    sa_vong.plan(agenda, household=her, visits=plans[her.pk], users=users)
    planned_meetings = meetings.plan(rng, cells=cells, participants=participants)
    support.plan_events(agenda, rng, stations=stations, households=households, visits=plans, actors=actors)
    loans.plan(agenda, rng, stations=stations, households=households, visits=plans, actors=actors)
    cases = petitions.plan(rng, visits=plans, meetings=planned_meetings, skip_household=her.pk)
    tips.plan(agenda, rng, stations=stations, visits=plans, actors=actors)
    support.petition_support(agenda, rng, cases, actors)
    visits.record(agenda, plans, actors)
    meetings.record(agenda, planned_meetings, actors)
    petitions.record(agenda, cases, actors)
    agenda.run()
    return _summary(stations)


def _summary(stations: list[Unit]) -> ActivitySummary:
    return ActivitySummary(
        visits=Visit.objects.filter(station__in=stations).count(),
        petitions=Counter(Case.objects.filter(station__in=stations).values_list("state", flat=True)),
        tips=Counter(Tip.objects.filter(station__in=stations).values_list("status", flat=True)),
        events=SupportEvent.objects.filter(station__in=stations).count(),
        benefits=Benefit.objects.filter(station__in=stations).count(),
        meetings=CellMeeting.objects.filter(station__in=stations).count(),
    )
