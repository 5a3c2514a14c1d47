"""Party members of the generated field units."""

from datetime import date
from typing import Any

from longdan.org.models import UnitKind
from longdan.people.models import Member, MemberStatus, Rank

from .context import MemberPlan, Synthetic, ethnic_for, person_name, phone_number, split_sizes
from .pools import NAME_POOLS
from .writing import write

# Team members' ranks, repeated by weight: mostly junior officers, some professional soldiers (QNCN).
_TEAM_RANKS = (
    [Rank.THIEU_UY] * 15 + [Rank.TRUNG_UY] * 20 + [Rank.THUONG_UY] * 20 + [Rank.DAI_UY] * 14
    + [Rank.THIEU_TA] * 5 + [Rank.TRUNG_UY_CN] * 6 + [Rank.THUONG_UY_CN] * 7 + [Rank.DAI_UY_CN] * 5
    + [Rank.THIEU_TA_CN] * 3 + [Rank.THUONG_SI] * 5
)  # fmt: skip
_SENIOR_RANKS = (Rank.TRUNG_TA, Rank.THIEU_TA)
_DEPUTY_RANKS = (Rank.THIEU_TA, Rank.DAI_UY)
COMMAND_POSITIONS = {
    UnitKind.STATION: ("Đồn trưởng", "Chính trị viên", "Phó Đồn trưởng", "Phó Chính trị viên"),
    UnitKind.FLOTILLA: ("Hải đội trưởng", "Chính trị viên", "Phó Hải đội trưởng", "Phó Chính trị viên"),
}


def create_members(ctx: Synthetic) -> None:
    """Each field unit's party members: its command on the unit itself, the rest in its teams.

    Most are Kinh men; some come from the local communities and speak their
    language, and some Kinh members have learnt it (Khmer in the Mekong delta).
    Each unit also keeps one or two former members (transferred or retired) who
    held households before; their closed assignments are the history of reassignments.
    """
    rng = ctx.rng("members")
    quotas = iter(split_sizes(ctx.households, sum(s.size for s in ctx.stations), (3, 7), 1.0, rng))
    rows: list[dict[str, Any]] = []
    for index, station in enumerate(ctx.stations):
        leaders = COMMAND_POSITIONS[UnitKind(station.kind)]
        formers = rng.randint(1, 2)
        for number in range(station.size + formers):
            active = number < station.size
            if active and number < len(leaders):
                # The command (Đồn trưởng, Chính trị viên and their deputies) sits on the unit itself.
                unit_id, position = station.id, leaders[number]
                rank = rng.choice(_SENIOR_RANKS if number < 2 else _DEPUTY_RANKS)
                born = rng.randint(1972, 1986)
            else:
                # Then each team's leader, each team's deputy, then the team members, round the teams.
                slot = number - len(leaders)
                team, unit_id = station.teams[slot % len(station.teams)]
                if 0 <= slot < len(station.teams):
                    position, rank = f"Đội trưởng {team}", rng.choice(_DEPUTY_RANKS)
                elif len(station.teams) <= slot < 2 * len(station.teams):
                    position, rank = f"Phó Đội trưởng {team}", rng.choice((Rank.THUONG_UY, Rank.DAI_UY))
                else:
                    rank = rng.choice(_TEAM_RANKS)
                    staff = rank.endswith("_cn") or rank == Rank.THUONG_SI  # professional soldiers, NCOs
                    position = f"{'Nhân viên' if staff else 'Cán bộ'} {team}"
                born = rng.randint(1978, 2001)
            local = ethnic_for(rng, station.province_code)
            ethnic = local if rng.random() < 0.25 else "kinh"
            female = rng.random() < 0.05
            full_name, _surname = person_name(rng, ethnic, female=female)
            languages = ["vi"]
            language = NAME_POOLS[local].language
            if language and (ethnic == local or rng.random() < 0.2):
                languages.append(language)
            entry = min(date(born + rng.randint(20, 28), rng.randint(1, 12), rng.randint(1, 28)), ctx.as_of)
            status = (
                MemberStatus.ACTIVE
                if active
                else rng.choice((MemberStatus.TRANSFERRED, MemberStatus.RETIRED))
            )
            station.members.append(len(ctx.members))
            ctx.members.append(
                MemberPlan(
                    station=index,
                    unit_id=unit_id,
                    full_name=full_name,
                    position=position,
                    active=active,
                    quota=next(quotas) if active else 0,
                    home_hamlet=rng.choice(station.hamlets),
                )
            )
            rows.append(
                {
                    "full_name": full_name,
                    "rank": rank,
                    "position": position,
                    "unit_id": unit_id,
                    "party_entry_date": entry,
                    "birth_date": date(born, rng.randint(1, 12), rng.randint(1, 28)),
                    "languages": languages,
                    "phone": phone_number(rng),
                    "status": status,
                }
            )
    for plan, pk in zip(ctx.members, write(ctx, Member, rows, total=len(rows), returning=True), strict=True):
        plan.id = pk
