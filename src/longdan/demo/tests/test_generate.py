"""`longdan generate`: the synthetic national dataset has the shape the real one has, and is reproducible.

Only the few official units the generator needs are created here (two border
provinces and an inland one), so each test runs in well under a second.
"""

from collections import Counter
from datetime import date
from io import StringIO
from statistics import mean

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Q
from django.utils import timezone

from longdan.accounts.models import Role, User
from longdan.assignments.models import AssignmentRole, HouseholdAssignment
from longdan.cases.models import Case, CaseEvent
from longdan.fieldwork.models import CellMeeting, Visit, VisitMember
from longdan.geo.models import AdminUnit
from longdan.households.models import Household, PovertyAssessment, Relation, Resident
from longdan.intel.models import Tip, TipEvent
from longdan.org.models import Unit, UnitArea, UnitKind
from longdan.people.models import Member, MemberStatus
from longdan.support.models import Benefit, SupportEvent
from longdan.testing.factories import CommuneFactory, ProvinceFactory

pytestmark = pytest.mark.django_db

AS_OF = date(2026, 10, 31)


def make_provinces(communes: int = 12) -> dict[str, AdminUnit]:
    """Cần Thơ (sea border), Điện Biên (land border) and Hà Nội (inland: must get no station)."""
    provinces = {}
    for code, name in (("92", "Thành phố Cần Thơ"), ("11", "Tỉnh Điện Biên"), ("01", "Thành phố Hà Nội")):
        province = ProvinceFactory(code=code, name=name)
        for number in range(communes):
            kind = "phường" if number % 4 == 3 else "xã"
            CommuneFactory(
                parent=province, name=f"{kind.capitalize()} {name[-6:]} {number}", division_type=kind
            )
        provinces[code] = province
    return provinces


def generate(households: int, seed: int = 1, *extra: str, months: int = 2) -> str:
    """Two months of events by default: these tests are about people and places (test_generate_activity)."""
    out = StringIO()
    call_command(
        "generate",
        f"--households={households}",
        f"--seed={seed}",
        f"--as-of={AS_OF}",
        f"--months={months}",
        "--no-progress",
        *extra,
        stdout=out,
    )
    return out.getvalue()


def generated_stations():
    return Unit.objects.filter(code__startswith="GEN-", kind__in=[UnitKind.STATION, UnitKind.FLOTILLA])


def head_names() -> list[tuple[str, str]]:
    return list(Household.objects.order_by("commune__code", "code").values_list("code", "head_name"))


def test_it_builds_a_national_shape():
    provinces = make_provinces()
    output = generate(1000)

    assert Household.objects.count() == 1000
    assert "households.Household" in output
    stations = list(generated_stations())
    assert len(stations) == 5  # 1000 households / 5 per member / 40 per station
    assert {s.province_id for s in stations} <= {provinces["92"].pk, provinces["11"].pk}
    for station in stations:
        active = Member.objects.filter(unit__path__startswith=station.path, status=MemberStatus.ACTIVE)
        assert 20 <= active.count() <= 60
        assert station.parent.kind == UnitKind.PROVINCE_COMMAND
        assert station.parent.parent.kind == UnitKind.HQ
        assert 2 <= station.area_links.count() <= 4
        assert station.children.filter(kind=UnitKind.TEAM).count() >= 3
    per_member = list(
        Member.objects.filter(status=MemberStatus.ACTIVE)
        .annotate(n=Count("assignments", filter=Q(assignments__end_date=None, assignments__role="primary")))
        .values_list("n", flat=True)
    )
    assert 4.5 <= mean(per_member) <= 5.5
    assert min(per_member) >= 1


def test_every_household_has_exactly_one_open_primary_member_of_its_station():
    make_provinces()
    generate(600)

    open_primary = HouseholdAssignment.objects.filter(role=AssignmentRole.PRIMARY, end_date=None)
    assert open_primary.count() == Household.objects.count()
    assert open_primary.values("household").distinct().count() == Household.objects.count()
    for assignment in open_primary.select_related("member__unit", "household__station"):
        assert assignment.member.status == MemberStatus.ACTIVE
        assert assignment.member.unit.path.startswith(assignment.household.station.path)
    # Some households were handed over before: the old row is closed the day before the new one opens.
    closed = HouseholdAssignment.objects.exclude(end_date=None)
    assert closed.exists()
    for old in closed[:20]:
        new = open_primary.get(household=old.household)
        assert old.end_date < new.start_date <= AS_OF


def test_households_sit_in_their_station_area_with_codes_unique_per_commune():
    make_provinces()
    generate(600)

    areas = set(UnitArea.objects.values_list("unit_id", "commune_id"))
    for household in Household.objects.select_related("hamlet"):
        assert household.commune_id == household.hamlet.commune_id
        assert (household.station_id, household.commune_id) in areas
    codes = Counter(Household.objects.values_list("commune_id", "code"))
    assert max(codes.values()) == 1


def test_residents_and_poverty_history_look_like_households():
    make_provinces()
    generate(600)

    residents = Resident.objects.count()
    assert 4.0 <= residents / 600 <= 5.0
    heads = Resident.objects.filter(relation=Relation.HEAD)
    assert heads.count() == 600
    assert set(heads.values_list("full_name", flat=True)) <= set(
        Household.objects.values_list("head_name", flat=True)
    )
    for household in Household.objects.annotate(n=Count("assessments"))[:100]:
        assert 1 <= household.n <= 3
        latest = household.assessments.order_by("-assessed_on").first()
        assert household.poverty_category == latest.category
        assert household.poverty_assessed_on == latest.assessed_on
    assert PovertyAssessment.objects.filter(assessed_on__gt=AS_OF).count() == 0


def test_unit_paths_are_materialised():
    make_provinces()
    generate(300)

    for unit in Unit.objects.select_related("parent"):
        expected = f"{unit.parent.path if unit.parent else '/'}{unit.pk}/"
        assert unit.path == expected


def test_the_same_seed_gives_the_same_households():
    make_provinces()
    generate(200, 7)
    first = head_names()
    generate(200, 7, "--reset")
    assert head_names() == first
    generate(200, 8, "--reset")
    assert head_names() != first


def test_it_refuses_to_run_twice_without_reset():
    make_provinces()
    generate(200)

    with pytest.raises(CommandError, match="--reset"):
        generate(200)
    assert Household.objects.count() == 200


def test_a_tiny_run_is_still_sane():
    make_provinces()
    generate(3)

    assert Household.objects.count() == 3
    assert generated_stations().count() == 1
    assert Member.objects.filter(status=MemberStatus.ACTIVE).count() == 1


def test_reset_deletes_only_generated_data_and_leaves_hand_entered_stations_alone(world):
    for number in range(8):
        CommuneFactory(parent=world.province, name=f"Xã Ven Biển {number}")
    generate(300)

    generated = set(
        UnitArea.objects.filter(unit__code__startswith="GEN-").values_list("commune_id", flat=True)
    )
    assert world.commune_a.pk not in generated and world.commune_b.pk not in generated
    assert all(s.path.startswith(world.hq.path) for s in generated_stations())  # one national tree
    assert Unit.objects.filter(kind=UnitKind.HQ).count() == 1

    generate(300, 2, "--reset")
    call_command("generate", "--households=1", "--seed=3", "--reset", "--no-progress", stdout=StringIO())
    assert Household.objects.filter(station__code__startswith="GEN-").count() == 1
    for record in (
        world.household_a,
        world.household_b,
        world.member_a,
        world.station_a,
        world.hamlet_a,
        world.hq,
    ):
        record.refresh_from_db()
    assert HouseholdAssignment.objects.filter(household=world.household_a, end_date=None).exists()


def test_rows_written_in_bulk_carry_the_keys_a_save_would_compute():
    make_provinces()
    generate(100, months=12)

    for model in (
        Household, Resident, Member, Visit, VisitMember, Case, CaseEvent, Tip, TipEvent, Benefit, SupportEvent,
        CellMeeting,
    ):  # fmt: skip
        assert model.objects.exists(), model
        for record in model.objects.all()[:30]:
            stored = {f.attname: getattr(record, f.attname) for f in model._meta.concrete_fields}
            record.save()
            record.refresh_from_db()
            saved = {f.attname: getattr(record, f.attname) for f in model._meta.concrete_fields}
            assert {k: v for k, v in saved.items() if k != "updated_at"} == {
                k: v for k, v in stored.items() if k != "updated_at"
            }
    household = Household.objects.first()
    assert household in Household.objects.search(household.name_folded.upper())


def test_a_few_logins_are_made_for_commanders_and_members():
    make_provinces()
    generate(1000, 1, "--password=generated-pass-1")

    commander = User.objects.get(username="gen-station-1")
    assert commander.check_password("generated-pass-1")
    station = commander.grants.get(role=Role.STATION_COMMAND).unit
    assert station.code.startswith("GEN-") and commander.member.unit == station
    member_user = User.objects.get(username="gen-member-1")
    assert member_user.grants.filter(role=Role.MEMBER, unit=station).exists()
    assert member_user.member.assignments.filter(end_date=None).exists()


def test_reset_refuses_when_hand_entered_records_refer_to_generated_data():
    make_provinces()
    generate(200)
    household = Household.objects.first()
    Visit.objects.create(household=household, station=household.station, visited_at=timezone.now())
    before = head_names()

    with pytest.raises(CommandError, match="--reset stopped and changed nothing"):
        generate(200, 2, "--reset")
    assert head_names() == before
    assert Resident.objects.filter(household=household).exists()


def events_fingerprint() -> list[list[tuple]]:
    """Events by what identifies them across runs (ids differ after --reset)."""
    where = ("household__code", "household__commune__code")
    return [
        sorted(Visit.objects.values_list(*where, "visited_at", "kind")),
        sorted(Case.objects.values_list(*where, "received_on", "state")),
        sorted(Benefit.objects.values_list(*where, "given_on", "value")),
    ]


def test_the_same_seed_gives_the_same_events():
    make_provinces()
    generate(60, 7, months=6)
    first = events_fingerprint()
    assert all(first)
    generate(60, 7, "--reset", months=6)
    assert events_fingerprint() == first
    generate(60, 8, "--reset", months=6)
    assert events_fingerprint() != first


def test_reset_removes_generated_events_and_no_other(world):
    for number in range(4):
        CommuneFactory(parent=world.province, name=f"Xã Ven Biển {number}")
    generate(60, 1, months=3)
    generate(30, 2, "--reset", months=3)

    assert Visit.objects.values("household").distinct().count() <= 30
    assert not Visit.objects.exclude(household__station__code__startswith="GEN-").exists()
    assert Household.objects.filter(pk=world.household_a.pk).exists()
