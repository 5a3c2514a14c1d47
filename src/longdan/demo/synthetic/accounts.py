"""A handful of logins on the generated stations."""

from django.contrib.auth.hashers import make_password
from django.db import transaction

from longdan.accounts.models import Role, RoleGrant, User
from longdan.org.models import UnitKind
from longdan.people.models import Member

from .context import MODEL_START, USER_STATIONS, USERNAME_PREFIX, Synthetic
from .people import COMMAND_POSITIONS


def create_users(ctx: Synthetic) -> None:
    """Logins for the first few stations: its commander (station command) and one member in charge of households.

    Without `--password` the accounts cannot log in (an unusable password), so a
    generated database copied somewhere carries no known credentials.
    """
    password = make_password(ctx.password) if ctx.password else None
    pairs: list[tuple[User, int, str, int]] = []
    for number, station in enumerate(ctx.stations[:USER_STATIONS], start=1):
        active = [i for i in station.members if ctx.members[i].active]
        if not active:
            continue
        in_charge = next(
            (i for i in active[len(COMMAND_POSITIONS[UnitKind.STATION]) :] if ctx.members[i].quota),
            active[0],
        )
        for username, index, role in (
            (f"{USERNAME_PREFIX}station-{number}", active[0], Role.STATION_COMMAND),
            (f"{USERNAME_PREFIX}member-{number}", in_charge, Role.MEMBER),
        ):
            if role == Role.MEMBER and index == active[0]:
                continue
            family, _space, given = ctx.members[index].full_name.partition(" ")
            user = User(
                username=username,
                first_name=given,
                last_name=family,
                password=password or make_password(None),
            )
            pairs.append((user, ctx.members[index].id, role, station.id))
    if not pairs:
        return
    with transaction.atomic():
        User.objects.bulk_create([user for user, *_rest in pairs])
        RoleGrant.objects.bulk_create(
            RoleGrant(user=user, role=role, unit_id=unit_id, start_date=MODEL_START)
            for user, _member, role, unit_id in pairs
        )
        for user, member_id, _role, _unit in pairs:
            Member.objects.filter(pk=member_id).update(user=user)
    ctx.counts[User._meta.label] += len(pairs)
    ctx.counts[RoleGrant._meta.label] += len(pairs)
    ctx.usernames = [user.username for user, *_rest in pairs]
