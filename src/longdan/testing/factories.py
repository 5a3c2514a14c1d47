"""factory_boy factories for tests: every record built through the same services the app uses where it matters."""

import itertools
from datetime import date

import factory
from django.utils import timezone

from longdan.accounts.models import Role, RoleGrant, User
from longdan.assignments.models import HouseholdAssignment
from longdan.geo.models import AdminUnit, Hamlet, Level
from longdan.households.models import Household
from longdan.org.models import Unit, UnitKind
from longdan.org.services import unit_add_area, unit_create
from longdan.people.models import Member, Rank

_codes = itertools.count(90001)


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdminUnit

    # Four digits: never an official two-digit code, which tests give their own provinces (92, 89).
    code = factory.Sequence(lambda n: f"{9000 + n % 1000}")
    level = Level.PROVINCE
    name = factory.Sequence(lambda n: f"Tỉnh Thử Nghiệm {n}")
    division_type = "tỉnh"
    valid_from = date(2025, 7, 1)


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdminUnit

    code = factory.LazyFunction(lambda: f"{next(_codes):05d}")
    level = Level.COMMUNE
    name = factory.Sequence(lambda n: f"Xã Biên Giới {n}")
    division_type = "xã"
    parent = factory.SubFactory(ProvinceFactory)
    valid_from = date(2025, 7, 1)


class HamletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hamlet

    name = factory.Sequence(lambda n: f"Ấp {n}")
    commune = factory.SubFactory(CommuneFactory)


def make_unit(*, kind: str, parent: Unit | None = None, name: str = "", code: str = "") -> Unit:
    seq = next(_codes)
    return unit_create(
        code=code or f"U{seq}",
        name=name or f"{UnitKind(kind).label} {seq}",
        kind=kind,
        parent=parent,
    )


def make_station(*, province_command: Unit, communes: list[AdminUnit], name: str = "") -> Unit:
    station = make_unit(kind=UnitKind.STATION, parent=province_command, name=name)
    for commune in communes:
        unit_add_area(unit=station, commune=commune)
    return station


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "secret-pass-123")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def grant(
    user: User, role: str, unit: Unit | None = None, communes: list[AdminUnit] | None = None
) -> RoleGrant:
    role_grant = RoleGrant.objects.create(
        user=user, role=role, unit=unit, start_date=timezone.localdate().replace(year=2020)
    )
    if communes:
        role_grant.communes.set(communes)
    return role_grant


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    rank = Rank.THIEU_UY
    position = "Cán bộ Đội Vận động quần chúng"


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    code = factory.Sequence(lambda n: f"HH{n:05d}")
    head_name = factory.Sequence(lambda n: f"Trần Thị Hộ {n}")
    hamlet = factory.SubFactory(HamletFactory)
    commune = factory.LazyAttribute(lambda o: o.hamlet.commune)


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HouseholdAssignment

    start_date = date(2024, 1, 1)


__all__ = [
    "AssignmentFactory",
    "CommuneFactory",
    "HamletFactory",
    "HouseholdFactory",
    "MemberFactory",
    "ProvinceFactory",
    "Role",
    "UserFactory",
    "grant",
    "make_station",
    "make_unit",
]


# --- field work (fieldwork app) ------------------------------------------------------------------
# Models named by string so this module's imports stay as they were.


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "fieldwork.Topic"
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"topic-{n}")
    name = factory.Sequence(lambda n: f"Chủ đề tuyên truyền {n}")


class VisitFactory(factory.django.DjangoModelFactory):
    """A visit written straight to the table (no service): for selectors and pages that need many rows.

    `members=[...]` adds the members present, in order. The station is the household's.
    """

    class Meta:
        model = "fieldwork.Visit"
        skip_postgeneration_save = True

    household = factory.SubFactory(HouseholdFactory)
    visited_at = factory.LazyFunction(timezone.now)
    kind = "home"
    station = factory.LazyAttribute(lambda o: o.household.station)

    @factory.post_generation
    def members(obj, create, extracted, **kwargs):
        if create and extracted:
            presence = obj.members.through
            presence.objects.bulk_create(
                presence(visit=obj, member=member, position=index) for index, member in enumerate(extracted)
            )


class HamletCellFactory(factory.django.DjangoModelFactory):
    """A hamlet party cell (chi bộ ấp)."""

    class Meta:
        model = "org.PartyCell"

    kind = "hamlet"
    hamlet = factory.SubFactory(HamletFactory)
    name = factory.LazyAttribute(lambda o: f"Chi bộ {o.hamlet.name}")


__all__ += ["HamletCellFactory", "TopicFactory", "VisitFactory"]


# --- petitions (cases app) -------------------------------------------------------------------------


def _case_station(case):
    from longdan.org.services import station_for_hamlet

    station = case.household.station if case.household is not None else station_for_hamlet(case.hamlet)
    assert station is not None, "the hamlet is in no station's area"
    return station


def _case_due_on(case):
    from datetime import timedelta

    return case.received_on + timedelta(days=15)


class CaseFactory(factory.django.DjangoModelFactory):
    """A petition in any state, written straight to the table (workflow tests put it where they need it).

    Pass `household=` or `hamlet=`; the station, provincial command and commune follow from it,
    as case_open would set them. No event is written: services write events, factories do not.
    """

    class Meta:
        model = "cases.Case"

    household = None
    hamlet = None
    category = "social_welfare"
    title = factory.Sequence(lambda n: f"Kiến nghị số {n}")
    description = "Hộ gia đình đề nghị được hỗ trợ vay vốn tạo việc làm."
    received_on = factory.LazyFunction(timezone.localdate)
    due_on = factory.LazyAttribute(_case_due_on)
    state = "received"
    recorded_by_user = factory.SubFactory(UserFactory)
    station = factory.LazyAttribute(_case_station)
    province_command = factory.LazyAttribute(lambda o: o.station.province_command())
    commune = factory.LazyAttribute(
        lambda o: o.household.commune if o.household is not None else o.hamlet.commune
    )


__all__ += ["CaseFactory"]
