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

    code = factory.Sequence(lambda n: f"{80 + n % 19:02d}")
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
