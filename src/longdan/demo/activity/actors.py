"""Who does what in the demo's year: an account for every member, so each record names the person who made it.

The six demo logins stay the only ones anyone can use. The other members get
accounts with no usable password (as a generated dataset's do): a visit is then
recorded by the member who made it, a petition planned by the commander of its
station, a tip assessed by the station's reconnaissance team lead — as the
services require, since they check each acting user's role. Accounts are kept
across `demo --reset`, like the six logins: the audit trail refers to them.
"""

from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password

from longdan.accounts.models import Role, RoleGrant, User
from longdan.core.services import validate_and_save
from longdan.org.models import Unit, UnitKind
from longdan.people.models import Member

from .. import seed_case as case

RECON_LEAD_POST = "Đội trưởng Đội Trinh sát"


@dataclass
class Actors:
    users: dict[int, User] = field(default_factory=dict)  # member id → account
    commanders: dict[int, User] = field(default_factory=dict)  # station id → the commander's account
    recon_leads: dict[int, User] = field(default_factory=dict)  # station id → the recon team lead's account
    recon_teams: dict[int, Unit] = field(default_factory=dict)  # station id → its reconnaissance team
    liaison: User | None = None
    liaison_communes: frozenset[int] = frozenset()

    def of(self, member: Member) -> User:
        return self.users[member.pk]


def ensure_accounts(stations: list[Unit]) -> Actors:
    """An account and a role for every demo member without one; the actors of each station."""
    actors = Actors()
    unusable = make_password(None)
    teams = {
        station.pk: Unit.objects.get(parent=station, kind=UnitKind.TEAM, code=f"{station.code}-TS")
        for station in stations
    }
    members = (
        Member.objects.filter(unit__in=stations).select_related("unit", "user").order_by("unit__code", "pk")
    )
    numbers: dict[int, int] = {}
    for member in members:
        station = member.unit
        numbers[station.pk] = numbers.get(station.pk, 0) + 1
        user = member.user
        if user is None:
            username = f"{station.code.lower()}-{numbers[station.pk]:02d}"
            user = User.objects.filter(username=username).first() or User(username=username)
            family, _space, given = member.full_name.partition(" ")
            user.first_name, user.last_name, user.password, user.is_active = given, family, unusable, True
            validate_and_save(user)
            RoleGrant.objects.filter(user=user).delete()
            if member.position == case.COMMANDER_POST:
                role, unit = Role.STATION_COMMAND, station
            elif member.position == RECON_LEAD_POST:
                role, unit = Role.TEAM_LEAD, teams[station.pk]
            else:
                role, unit = Role.MEMBER, station
            validate_and_save(RoleGrant(user=user, role=role, unit=unit, start_date=case.GRANTS_FROM))
            member.user = user
            validate_and_save(member, update_fields=["user", "updated_at"])
        actors.users[member.pk] = user
        if member.position == case.COMMANDER_POST:
            actors.commanders[station.pk] = user
        elif member.position == RECON_LEAD_POST:
            actors.recon_leads[station.pk] = user
    commissar = Member.objects.select_related("user").get(
        unit__code=case.COMMAND_CODE, full_name=case.MEN.full_name
    )
    assert commissar.user is not None  # demo-province, made by the builder
    actors.users[commissar.pk] = commissar.user
    actors.recon_teams = teams
    actors.liaison = User.objects.get(username="demo-commune")
    actors.liaison_communes = frozenset(
        RoleGrant.objects.filter(user=actors.liaison).values_list("communes", flat=True)
    )
    return actors
