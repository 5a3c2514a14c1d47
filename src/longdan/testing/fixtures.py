"""Shared pytest fixtures: a small world of two stations, with the people the access rule is about.

Like healthchecks' base test case: an owner (the member in charge), the station
commander, and outsiders (another station's commander, another commune's
liaison) who must get 404.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

# This module is loaded as a pytest plugin before Django is set up: model imports wait until used.
if TYPE_CHECKING:
    from longdan.accounts.models import User
    from longdan.geo.models import AdminUnit, Hamlet
    from longdan.households.models import Household
    from longdan.org.models import Unit
    from longdan.people.models import Member


@dataclass
class World:
    province: AdminUnit
    commune_a: AdminUnit
    commune_b: AdminUnit
    hamlet_a: Hamlet
    hamlet_b: Hamlet
    hq: Unit
    command: Unit
    station_a: Unit
    station_b: Unit
    member_a: Member
    member_a2: Member
    member_b: Member
    household_a: Household  # in charge: member_a
    household_a2: Household  # in charge: member_a2
    household_b: Household  # in charge: member_b
    member_user: User  # member_a's account
    commander_a: User
    commander_b: User
    province_user: User
    liaison_a: User
    liaison_b: User
    admin_user: User


def build_world() -> World:
    from longdan.accounts.models import Role
    from longdan.org.models import UnitKind

    from .factories import (
        AssignmentFactory,
        CommuneFactory,
        HamletFactory,
        HouseholdFactory,
        MemberFactory,
        ProvinceFactory,
        UserFactory,
        grant,
        make_station,
        make_unit,
    )

    province = ProvinceFactory(name="Thành phố Cần Thơ", code="92")
    commune_a = CommuneFactory(name="Xã Vĩnh Hải", parent=province)
    commune_b = CommuneFactory(name="Xã Lai Hòa", parent=province)
    hamlet_a = HamletFactory(name="Ấp Âu Thọ A", commune=commune_a)
    hamlet_b = HamletFactory(name="Ấp Xung Thum A", commune=commune_b)
    hq = make_unit(kind=UnitKind.HQ, name="Bộ Tư lệnh Bộ đội Biên phòng")
    command = make_unit(kind=UnitKind.PROVINCE_COMMAND, parent=hq, name="Bộ Chỉ huy BĐBP Sóc Trăng")
    station_a = make_station(province_command=command, communes=[commune_a], name="Đồn Biên phòng Vĩnh Hải")
    station_b = make_station(province_command=command, communes=[commune_b], name="Đồn Biên phòng Lai Hòa")
    member_user = UserFactory(username="member-a")
    member_a = MemberFactory(full_name="Nguyễn Thiên Phú", unit=station_a, user=member_user)
    member_a2 = MemberFactory(full_name="Lê Văn Hai", unit=station_a)
    member_b = MemberFactory(full_name="Phạm Hoài Đức", unit=station_b)
    household_a = HouseholdFactory(head_name="Thạch Thị Sà Vọng", hamlet=hamlet_a, station=station_a)
    household_a2 = HouseholdFactory(head_name="Lâm Văn Sơn", hamlet=hamlet_a, station=station_a)
    household_b = HouseholdFactory(head_name="Sơn Thị Mỹ", hamlet=hamlet_b, station=station_b)
    AssignmentFactory(member=member_a, household=household_a)
    AssignmentFactory(member=member_a2, household=household_a2)
    AssignmentFactory(member=member_b, household=household_b)
    grant(member_user, Role.MEMBER, station_a)
    commander_a = UserFactory(username="commander-a")
    grant(commander_a, Role.STATION_COMMAND, station_a)
    commander_b = UserFactory(username="commander-b")
    grant(commander_b, Role.STATION_COMMAND, station_b)
    province_user = UserFactory(username="province")
    grant(province_user, Role.PROVINCE_COMMAND, command)
    liaison_a = UserFactory(username="liaison-a")
    grant(liaison_a, Role.COMMUNE_LIAISON, communes=[commune_a])
    liaison_b = UserFactory(username="liaison-b")
    grant(liaison_b, Role.COMMUNE_LIAISON, communes=[commune_b])
    admin_user = UserFactory(username="admin", is_staff=True, is_superuser=True)
    return World(**{k: v for k, v in locals().items() if k in World.__dataclass_fields__})


@pytest.fixture
def world(db: Any) -> World:
    return build_world()


class _VerifiedClients:
    """`client` and `admin_client` whose force_login also passes the second factor (longdan.testing.auth).

    Registered from pytest_configure so that they come after pytest-django's fixtures of the
    same names, which they replace (a plugin loaded with -p is registered before pytest-django).
    """

    @pytest.fixture
    def client(self) -> Any:
        from .auth import LongdanClient

        return LongdanClient()

    @pytest.fixture
    def admin_client(self, db: Any, admin_user: Any) -> Any:
        from .auth import LongdanClient

        client = LongdanClient()
        client.force_login(admin_user)
        return client


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(_VerifiedClients(), "longdan-verified-clients")
