"""Writes the seed case through the project's services, in hamlet order, from one seeded random.Random.

Every row goes through the service a person's form would use (units, areas,
hamlets and their cells, members, households, residents, poverty reviews,
assignments, cell attendance), so the demo obeys the same rules as real data;
the caller holds the transaction.
"""

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext as _

from longdan.accounts.models import Role, RoleGrant, User
from longdan.assignments.services import cell_join, household_assign, household_reassign
from longdan.core.db import refresh_planner_statistics
from longdan.core.services import validate_and_save
from longdan.geo.models import REFORM_DATE, AdminUnit, Hamlet, HamletKind, UnitSuccession
from longdan.geo.services import hamlet_create
from longdan.households.models import Household, Priority
from longdan.households.poverty import PovertyCategory
from longdan.households.services import household_create, poverty_assessment_record, resident_add
from longdan.org.models import CellKind, PartyCell, Unit, UnitKind
from longdan.org.services import party_cell_create, unit_add_area, unit_create
from longdan.people.models import Language, Member, Rank
from longdan.people.services import member_create

from . import seed_case as case
from .activity import ActivitySummary
from .activity import build as build_activity
from .families import AreaTypeOn, FamilyPlan, ResidentPlan, phone_number, plan_family
from .names import HOA, KHMER, KINH, NameBook


@dataclass(frozen=True)
class _Place:
    """A hamlet of a station's area, with the spot its households are drawn around."""

    hamlet: Hamlet
    spec: case.HamletSpec
    area: case.AreaSpec
    center: tuple[float, float]


@dataclass
class StationCount:
    name: str
    members: int = 0
    households: int = 0
    hamlets: int = 0
    communes: set[int] = field(default_factory=set)


@dataclass
class DemoSummary:
    members: int = 0
    households: int = 0
    residents: int = 0
    assessments: int = 0
    hamlets: int = 0
    communes: int = 0
    stations: list[StationCount] = field(default_factory=list)
    activity: ActivitySummary = field(default_factory=ActivitySummary)


class DemoDataError(Exception):
    """The official unit list in the database does not say what the demo expects."""


def build(*, seed: int = case.SEED) -> DemoSummary:
    """Write the whole seed case, then its year of activity (activity/). The caller holds the transaction."""
    return _Builder(random.Random(seed)).build()


class _Builder:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names = NameBook(
            rng, used={case.SA_VONG, case.PHU.full_name, case.DUC.full_name, case.MEN.full_name}
        )
        self.summary = DemoSummary()
        self.codes: dict[int, int] = defaultdict(int)  # next household number per commune

    def build(self) -> DemoSummary:
        self._load_official_units()
        self._unit_tree()
        members = self._members()
        self._users(members)
        counts = self._household_counts(members)
        for spec in case.STATIONS:
            station_members = members[spec.code]
            if spec.code == case.COMMISSAR_STATION:
                station_members = [*station_members, self.men]
            self._station_households(spec, station_members, counts)
        summary = self.summary
        summary.members = sum(len(m) for m in members.values()) + 1
        summary.communes = len({c for s in summary.stations for c in s.communes})
        # The year's thousands of service calls query these rows; on PostgreSQL, plan them on
        # real statistics rather than an empty table's guess (ANALYZE sees this transaction's rows).
        refresh_planner_statistics()
        # Its own generator: the year's activity can change without changing who lives where.
        summary.activity = build_activity(seed=case.ACTIVITY_SEED)
        refresh_planner_statistics()
        return summary

    # Official units -------------------------------------------------------------------------

    def _load_official_units(self) -> None:
        """Fetch the communes by code and check each area against the official old → new mapping."""
        areas = [area for spec in case.STATIONS for area in spec.areas]
        legacy_codes = {h.legacy for a in areas for h in a.hamlets} | {a.part_of for a in areas if a.part_of}
        self.province = AdminUnit.objects.current().provinces().get(code=case.PROVINCE_CODE)
        self.current = {
            unit.code: unit
            for unit in AdminUnit.objects.current()
            .communes()
            .filter(code__in={a.commune for a in areas}, parent=self.province)
        }
        self.legacy = {
            unit.code: unit
            for unit in AdminUnit.objects.legacy()
            .communes()
            .filter(
                code__in=legacy_codes,
                parent__code__in=case.LEGACY_DISTRICT_CODES,
                parent__parent__code=case.LEGACY_PROVINCE_CODE,
            )
        }
        successions = set(
            UnitSuccession.objects.filter(predecessor__in=self.legacy.values()).values_list(
                "predecessor__code", "successor__code"
            )
        )
        for area in areas:
            if area.commune not in self.current:
                raise DemoDataError(
                    _("Commune %(code)s is not a current commune of province %(province)s.")
                    % {"code": area.commune, "province": self.province}
                )
            for legacy in {h.legacy for h in area.hamlets} | ({area.part_of} if area.part_of else set()):
                if legacy not in self.legacy or (legacy, area.commune) not in successions:
                    raise DemoDataError(
                        _("Former commune %(old)s is not mapped to commune %(new)s in the official list.")
                        % {"old": legacy, "new": area.commune}
                    )

    # Units, areas, hamlets ------------------------------------------------------------------

    def _unit_tree(self) -> None:
        # The national HQ may already be there (a synthetic national dataset uses it too).
        hq = Unit.objects.filter(code=case.HQ_CODE, kind=UnitKind.HQ).first() or unit_create(
            code=case.HQ_CODE, name="Bộ Tư lệnh Bộ đội Biên phòng", kind=UnitKind.HQ
        )
        # The command stays through `demo --reset` when generated stations hang under it.
        self.command = Unit.objects.filter(code=case.COMMAND_CODE).first() or unit_create(
            code=case.COMMAND_CODE,
            name="Bộ Chỉ huy Bộ đội Biên phòng tỉnh Sóc Trăng",
            kind=UnitKind.PROVINCE_COMMAND,
            parent=hq,
            province=self.province,
        )
        self.stations: dict[str, Unit] = {}
        self.places: dict[str, list[_Place]] = {}
        for spec in case.STATIONS:
            station = unit_create(code=spec.code, name=spec.name, kind=UnitKind.STATION, parent=self.command)
            self.stations[spec.code] = station
            for suffix, team in case.TEAMS:
                unit_create(code=f"{spec.code}-{suffix}", name=team, kind=UnitKind.TEAM, parent=station)
            count = StationCount(name=spec.name)
            self.summary.stations.append(count)
            self.places[spec.code] = []
            for area in spec.areas:
                commune = self.current[area.commune]
                part = self.legacy[area.part_of] if area.part_of else None
                unit_add_area(unit=station, commune=commune, legacy_commune=part)
                count.communes.add(commune.pk)
                for hamlet_spec in area.hamlets:
                    hamlet = self._hamlet(hamlet_spec, commune, area)
                    center = (
                        area.center[0] + self.rng.uniform(-0.012, 0.012),
                        area.center[1] + self.rng.uniform(-0.012, 0.012),
                    )
                    self.places[spec.code].append(_Place(hamlet, hamlet_spec, area, center))
            count.hamlets = len(self.places[spec.code])
            self.summary.hamlets += count.hamlets

    def _hamlet(self, spec: case.HamletSpec, commune: AdminUnit, area: case.AreaSpec) -> Hamlet:
        kind = HamletKind.KHOM if spec.name.startswith("Khóm") else HamletKind.AP
        ethnicity = KHMER if self.rng.random() < area.khmer else KINH
        secretary = spec.secretary or self.names.unique(ethnicity, female=self.rng.random() < 0.3)
        # A hamlet of that name may already be there (entered by hand, or kept by `demo --reset`).
        hamlet = Hamlet.objects.filter(commune=commune, name=spec.name).first() or hamlet_create(
            name=spec.name, commune=commune, kind=kind, legacy_commune=self.legacy[spec.legacy]
        )
        if not PartyCell.objects.filter(hamlet=hamlet).exists():
            party_cell_create(
                name=f"Chi bộ {case.lower_first(spec.name)}",
                kind=CellKind.HAMLET,
                hamlet=hamlet,
                secretary_name=secretary,
            )
        return hamlet

    # Members and logins ---------------------------------------------------------------------

    def _members(self) -> dict[str, list[Member]]:
        members: dict[str, list[Member]] = {}
        named = {case.PHU.station: case.PHU, case.DUC.station: case.DUC}
        for spec in case.STATIONS:
            station = self.stations[spec.code]
            posts = case.COMMAND_POSTS + [
                case.CADRE_POSTS[i % len(case.CADRE_POSTS)] for i in range(spec.members)
            ]
            station_members = []
            for position, ranks in posts[: spec.members]:
                person = named.get(spec.code)
                if person is not None and person.position == position:
                    member = self._named_member(person, station)
                else:
                    member = self._member(spec, station, position, self.rng.choice(ranks))
                station_members.append(member)
            # The named member first: households are handed out in hamlet order, and theirs come first.
            station_members.sort(key=lambda m: m.full_name not in (case.PHU.full_name, case.DUC.full_name))
            members[spec.code] = station_members
        self.men = self._named_member(case.MEN, self.command)
        return members

    def _named_member(self, person: case.NamedMember, unit: Unit) -> Member:
        return member_create(
            full_name=person.full_name,
            rank=person.rank,
            unit=unit,
            position=person.position,
            birth_date=person.birth_date,
            party_entry_date=person.party_entry_date,
            languages=list(person.languages),
            phone=phone_number(self.rng),
        )

    def _member(self, spec: case.StationSpec, station: Unit, position: str, rank: str) -> Member:
        rng = self.rng
        khmer = rng.random() < spec.khmer_members
        female = position in ("Y sĩ", "Nhân viên Đội Tham mưu hành chính") and rng.random() < 0.5
        full_name = self.names.unique(KHMER if khmer else KINH, female=female)
        low, high = case.BIRTH_YEARS[Rank(rank)]
        birth = date(rng.randint(low, high), rng.randint(1, 12), rng.randint(1, 28))
        entry_year = rng.randint(birth.year + 19, min(birth.year + 25, 2025))
        party_entry = date(entry_year, rng.randint(1, 12), rng.randint(1, 28))
        languages: list[str] = [Language.VIETNAMESE]
        # Khmer cadres speak it at home; the mass-mobilisation team of the Khmer communes learns it.
        if khmer or ("Vận động quần chúng" in position and spec.khmer_members > 0.1):
            languages.append(Language.KHMER)
        return member_create(
            full_name=full_name,
            rank=rank,
            unit=station,
            position=position,
            birth_date=birth,
            party_entry_date=party_entry,
            languages=languages,
            phone=phone_number(rng),
        )

    def _users(self, members: dict[str, list[Member]]) -> None:
        """The six demo logins, one per role, with the password the README gives."""
        # One hash for all six: hashing is deliberately slow and the demo password is public anyway.
        password = make_password(case.PASSWORD)
        vinh_hai, lai_hoa = case.PHU.station, case.DUC.station
        commander = {
            code: next(m for m in members[code] if m.position == case.COMMANDER_POST)
            for code in (vinh_hai, lai_hoa)
        }
        phu = next(m for m in members[vinh_hai] if m.full_name == case.PHU.full_name)
        liaison_commune = self.current[case.LIAISON_COMMUNE_CODE]
        logins: list[tuple[str, Member | str, str, Unit | None, AdminUnit | None]] = [
            ("demo-member", phu, Role.MEMBER, self.stations[vinh_hai], None),
            ("demo-station", commander[vinh_hai], Role.STATION_COMMAND, self.stations[vinh_hai], None),
            ("demo-station-laihoa", commander[lai_hoa], Role.STATION_COMMAND, self.stations[lai_hoa], None),
            ("demo-province", self.men, Role.PROVINCE_COMMAND, self.command, None),
            ("demo-commune", case.COMMUNE_LIAISON_NAME, Role.COMMUNE_LIAISON, None, liaison_commune),
            ("demo-admin", case.ADMIN_NAME, Role.ADMIN, None, None),
        ]
        for username, person, role, unit, commune in logins:
            full_name = person.full_name if isinstance(person, Member) else person
            family, _space, given = full_name.partition(" ")
            # Kept across `demo --reset`: the audit trail refers to these accounts and is never deleted.
            user = User.objects.filter(username=username).first() or User(username=username)
            user.first_name, user.last_name, user.password = given, family, password
            user.is_active = True
            user.is_staff = user.is_superuser = role == Role.ADMIN
            validate_and_save(user)
            RoleGrant.objects.filter(user=user).delete()
            role_grant = RoleGrant(user=user, role=role, unit=unit, start_date=case.GRANTS_FROM)
            validate_and_save(role_grant)
            if commune is not None:
                role_grant.communes.set([commune])
            if isinstance(person, Member):
                person.user = user
                validate_and_save(person, update_fields=["user", "updated_at"])

    # Households -----------------------------------------------------------------------------

    def _household_counts(self, members: dict[str, list[Member]]) -> dict[int, int]:
        """4 to 6 households per member, HOUSEHOLDS in all."""
        everyone = [m for ms in members.values() for m in ms] + [self.men]
        counts = {m.pk: 4 for m in everyone}
        while sum(counts.values()) < case.HOUSEHOLDS:
            member = self.rng.choice(everyone)
            if counts[member.pk] < 6:
                counts[member.pk] += 1
        return counts

    def _station_households(
        self, spec: case.StationSpec, members: list[Member], counts: dict[int, int]
    ) -> None:
        rng = self.rng
        station = self.stations[spec.code]
        places = self.places[spec.code]
        total = sum(counts[m.pk] for m in members)
        per_hamlet = _split(total, [place.spec.weight for place in places], minimum=3)
        slots = [place for place, n in zip(places, per_hamlet, strict=True) for _ in range(n)]
        ethnicities = self._ethnicities(slots)
        cells = {c.hamlet_id: c for c in PartyCell.objects.filter(hamlet__in=[p.hamlet for p in places])}
        joined: set[tuple[int, int]] = set()
        position = 0
        for member in members:
            for _n in range(counts[member.pk]):
                place = slots[position]
                # Households are handed out in hamlet order and Phú comes first: ấp Âu Thọ A's first is his.
                sa_vong = position == 0 and spec.code == case.PHU.station
                household = self._household(station, place, ethnicities[position], sa_vong=sa_vong)
                start = self._assign(household, member, members)
                # Members attend the cell of each hamlet where they are in charge of a household.
                if (member.pk, place.hamlet.pk) not in joined:
                    joined.add((member.pk, place.hamlet.pk))
                    attends = start + timedelta(days=rng.randint(7, 60))
                    cell_join(member=member, cell=cells[place.hamlet.pk], start_date=attends)
                position += 1
        count = next(c for c in self.summary.stations if c.name == spec.name)
        count.members = len(members)
        count.households = total
        self.summary.households += total

    def _ethnicities(self, slots: list[_Place]) -> list[str]:
        """Exact shares per area (70% Khmer in Lai Hòa means 70%, not whatever the dice say), shuffled."""
        result: list[str] = [""] * len(slots)
        by_area: dict[int, list[int]] = defaultdict(list)
        for index, place in enumerate(slots):
            by_area[id(place.area)].append(index)
        for indexes in by_area.values():
            area = slots[indexes[0]].area
            khmer, hoa = round(len(indexes) * area.khmer), round(len(indexes) * area.hoa)
            pool = [KHMER] * khmer + [HOA] * hoa + [KINH] * (len(indexes) - khmer - hoa)
            self.rng.shuffle(pool)
            for index, ethnicity in zip(indexes, pool, strict=True):
                result[index] = ethnicity
        return result

    def _household(self, station: Unit, place: _Place, ethnicity: str, *, sa_vong: bool) -> Household:
        rng = self.rng
        hamlet, area, center = place.hamlet, place.area, place.center
        commune = self.current[area.commune]
        legacy = self.legacy[place.spec.legacy]
        area_type_on = AreaTypeOn(
            before_reform_urban=legacy.name.startswith(("Phường", "Thị trấn")),
            after_reform_urban=commune.name.startswith("Phường"),
            reform=REFORM_DATE,
        )
        if sa_vong:
            plan = plan_family(
                rng, head_name=case.SA_VONG, female_head=True, ethnicity=KHMER, livelihoods=area.livelihoods,
                area_type_on=area_type_on, residents=[ResidentPlan(*person) for person in case.SA_VONG_FAMILY],
                forced_category=PovertyCategory.POOR,
            )  # fmt: skip
            plan.livelihood = "buôn bán nhỏ"
            plan.notes = case.SA_VONG_NOTE
            plan.has_difficult_circumstances = True
        else:
            female = rng.random() < (0.3 if ethnicity == KHMER else 0.22)
            plan = plan_family(
                rng, head_name=self.names.unique(ethnicity, female=female), female_head=female,
                ethnicity=ethnicity, livelihoods=area.livelihoods, area_type_on=area_type_on,
            )  # fmt: skip
        self.codes[commune.pk] += 1
        household = household_create(
            code=f"{commune.code}-{self.codes[commune.pk]:04d}",
            head_name=plan.head_name,
            hamlet=hamlet,
            station=station,
            address=", ".join(
                (
                    f"Tổ {rng.randint(1, 6)}",
                    case.lower_first(hamlet.name),
                    case.lower_first(commune.name),
                    case.lower_first(self.province.name),
                )
            ),
            latitude=Decimal(f"{center[0] + rng.uniform(-0.003, 0.003):.6f}"),
            longitude=Decimal(f"{center[1] + rng.uniform(-0.003, 0.003):.6f}"),
            phone=plan.phone,
            ethnicity=plan.ethnicity,
            religion=plan.religion,
            livelihood=plan.livelihood,
            is_policy_family=plan.is_policy_family,
            has_difficult_circumstances=plan.has_difficult_circumstances,
            priority=_priority(plan),
            notes=plan.notes,
        )
        for person in plan.residents:
            resident_add(
                household=household,
                full_name=person.full_name,
                sex=person.sex,
                relation=person.relation,
                birth_year=person.birth_year,
                schooling=person.schooling,
            )
        for review in plan.reviews:
            poverty_assessment_record(
                household=household,
                assessed_on=review.assessed_on,
                income_per_head=review.income_per_head,
                deprivations=review.deprivations,
                area_type=review.area_type,
            )
        self.summary.residents += len(plan.residents)
        self.summary.assessments += len(plan.reviews)
        return household

    def _assign(self, household: Household, member: Member, colleagues: list[Member]) -> date:
        """Put `member` in charge; a few households passed from a colleague first, to show the history."""
        rng = self.rng
        others = [m for m in colleagues if m.pk != member.pk and m.unit_id != self.command.pk]
        if household.head_name != case.SA_VONG and rng.random() < 0.06 and others:
            first = _day(rng, date(2018, 3, 1), date(2019, 12, 31))
            household_assign(
                household=household, member=rng.choice(others), start_date=first,
                reason="Phân công theo Nghị quyết của Đảng ủy Đồn",
            )  # fmt: skip
            handover = _day(rng, date(2021, 1, 1), date(2024, 6, 30))
            household_reassign(
                household=household,
                member=member,
                on=handover,
                reason="Phân công lại theo địa bàn cụm dân cư",
            )
            return handover
        start = (
            date(2019, 4, 15)
            if household.head_name == case.SA_VONG
            else _day(rng, date(2018, 3, 1), date(2023, 12, 31))
        )
        household_assign(
            household=household,
            member=member,
            start_date=start,
            reason="Phân công theo Nghị quyết của Đảng ủy Đồn",
        )
        return start


def _split(total: int, weights: list[float], *, minimum: int) -> list[int]:
    """`total` shared out by `weights` (largest remainder), at least `minimum` each."""
    spare = total - minimum * len(weights)
    shares = [spare * w / sum(weights) for w in weights]
    counts = [int(s) for s in shares]
    for index in sorted(range(len(weights)), key=lambda i: shares[i] - counts[i], reverse=True)[
        : spare - sum(counts)
    ]:
        counts[index] += 1
    return [minimum + c for c in counts]


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _priority(plan: FamilyPlan) -> str:
    if (
        plan.latest_category == PovertyCategory.POOR
        or plan.has_difficult_circumstances
        or plan.is_policy_family
    ):
        return Priority.PRIORITY
    return Priority.NORMAL
