"""The Border Guard's side: field units placed in border provinces, their areas, hamlets and party cells."""

import random
from collections import Counter
from typing import Any

from django.db import transaction

from longdan.geo.models import AdminUnit, Hamlet, HamletKind
from longdan.org.models import CellKind, PartyCell, Unit, UnitArea, UnitKind

from .context import (
    BATCH,
    COMMUNES_PER_STATION,
    FLOTILLA_TEAMS,
    GEN_PREFIX,
    HAMLETS_PER_COMMUNE,
    HOUSEHOLDS_PER_MEMBER,
    HQ_CODE,
    MEMBERS_PER_STATION,
    OPTIONAL_TEAMS,
    STATION_SIZE,
    STATION_TEAMS,
    CommunePlan,
    HamletPlan,
    NoBorderProvinces,
    StationPlan,
    Synthetic,
    ethnic_for,
    jitter,
    person_name,
    split_sizes,
)
from .pools import BORDER_PROVINCES, HAMLET_NAMES, Region
from .writing import write


def plan_stations(ctx: Synthetic) -> None:
    """Decide provinces, field units, their sizes and their communes (nothing is written yet).

    members = households / 5, field units = members / 40; units go to border
    provinces in proportion to their rural communes (land-border provinces
    weigh more: most stations guard the land border); each unit covers 2–4
    communes of its province that no other station holds, rural ones first.
    """
    rng = ctx.rng("stations")
    provinces = list(
        AdminUnit.objects.current().provinces().filter(code__in=BORDER_PROVINCES).order_by("code")
    )
    if not provinces:
        raise NoBorderProvinces("None of the border provinces is loaded: run `longdan load_units` first.")
    ctx.provinces = {p.code: p for p in provinces}
    covered = set(
        UnitArea.objects.exclude(unit__code__startswith=GEN_PREFIX).values_list("commune_id", flat=True)
    )
    candidates: dict[str, list[AdminUnit]] = {p.code: [] for p in provinces}
    for commune in (
        AdminUnit.objects.current()
        .communes()
        .filter(parent__in=provinces)
        .select_related("parent")
        .order_by("code")
    ):
        if commune.pk not in covered:
            candidates[commune.parent.code].append(commune)  # type: ignore[union-attr]
    codes = [code for code in ctx.provinces if candidates[code]]
    if not codes:
        raise NoBorderProvinces("Every commune of the border provinces is already in a station's area.")

    member_total = max(1, round(ctx.households / HOUSEHOLDS_PER_MEMBER))
    unit_total = max(1, round(member_total / MEMBERS_PER_STATION))

    def weight(code: str) -> float:
        rural = sum(1 for c in candidates[code] if c.division_type != "phường") or 1
        return rural * (1.5 if BORDER_PROVINCES[code].land else 1.0)

    per_province = Counter[str]()
    if unit_total < len(codes):
        pool = list(codes)
        for _ in range(unit_total):
            pick = rng.choices(pool, weights=[weight(c) for c in pool])[0]
            pool.remove(pick)
            per_province[pick] = 1
    else:
        extra = unit_total - len(codes)
        total_weight = sum(weight(c) for c in codes)
        shares = {c: extra * weight(c) / total_weight for c in codes}
        for c in codes:
            per_province[c] = 1 + int(shares[c])
        leftover = unit_total - sum(per_province.values())
        for c in sorted(codes, key=lambda c: shares[c] - int(shares[c]), reverse=True)[:leftover]:
            per_province[c] += 1

    sizes = iter(split_sizes(member_total, unit_total, STATION_SIZE, 8, rng))
    used_names: set[str] = set(Unit.objects.filter(kind=UnitKind.STATION).values_list("name", flat=True))
    for code in sorted(per_province):
        province = BORDER_PROVINCES[code]
        count = per_province[code]
        # Rural communes first (the border runs through xã, not phường), then wards if needed;
        # when even those run out (a very large N), communes are shared by two stations.
        rural = [c for c in candidates[code] if c.division_type != "phường"]
        urban = [c for c in candidates[code] if c.division_type == "phường"]
        rng.shuffle(rural)
        rng.shuffle(urban)
        queue = rural + urban
        position = 0
        flotillas = min(2, count // 8) if province.sea else 0
        for number in range(1, count + 1):
            is_flotilla = number > count - flotillas
            chosen: list[AdminUnit] = []
            for _ in range(rng.randint(*COMMUNES_PER_STATION)):
                if position >= len(queue):
                    queue = list(candidates[code])
                    rng.shuffle(queue)
                    position = 0
                commune = queue[position]
                position += 1
                if commune not in chosen:
                    chosen.append(commune)
            for commune in chosen:
                if commune.pk not in ctx.communes:
                    ctx.communes[commune.pk] = CommunePlan(
                        id=commune.pk,
                        code=commune.code,
                        name=commune.name,
                        province_code=code,
                        urban=commune.division_type == "phường",
                        lat=jitter(rng, province.centre[0], 0.35),
                        lon=jitter(rng, province.centre[1], 0.35),
                    )
            if is_flotilla:
                kind, name = UnitKind.FLOTILLA, f"Hải đội Biên phòng {count - number + 1}"
                name = f"{name} ({ctx.provinces[code].name})"
            else:
                kind, name = UnitKind.STATION, _station_name(chosen, used_names)
            used_names.add(name)
            ctx.stations.append(
                StationPlan(
                    code=f"{GEN_PREFIX}{code}-{number:03d}",
                    name=name,
                    kind=kind,
                    province_code=code,
                    communes=[c.pk for c in chosen],
                    size=next(sizes),
                )
            )
    ctx.counts["provinces"] = len(per_province)


def _station_name(communes: list[AdminUnit], used: set[str]) -> str:
    """ "Đồn Biên phòng Vĩnh Hải": named after a commune it covers, as real stations are."""
    bases = [c.name for c in communes]
    for prefix in ("Xã ", "Phường ", "Đặc khu "):
        bases = [b.removeprefix(prefix) for b in bases]
    for base in bases:
        name = f"Đồn Biên phòng {base}"
        if name not in used:
            return name
    suffix = 2
    while f"Đồn Biên phòng {bases[0]} {suffix}" in used:
        suffix += 1
    return f"Đồn Biên phòng {bases[0]} {suffix}"


def create_units(ctx: Synthetic) -> None:
    """The tree: national HQ → one provincial command per province used → stations/flotillas → teams.

    There is one national HQ: an existing one is reused, or one is made with the
    code `longdan demo` uses too, and it stays through `--reset`. An existing
    provincial command of the province (the demo's, or one entered by hand) is
    reused as well, so the national tree stays one tree. Paths ("/1/4/17/") need the
    ids, so each level is inserted, then its paths are set with one bulk_update.
    """
    rng = ctx.rng("units")
    hqs = Unit.objects.filter(kind=UnitKind.HQ)
    ctx.hq = hqs.filter(code=HQ_CODE).first() or hqs.order_by("path").first()
    if ctx.hq is None:
        hq = Unit(code=HQ_CODE, name="Bộ Tư lệnh Bộ đội Biên phòng", kind=UnitKind.HQ)
        ctx.hq = _insert_level(ctx, [hq])[0]
    new_commands = []
    for code in sorted({s.province_code for s in ctx.stations}):
        province = ctx.provinces[code]
        existing = (
            Unit.objects.filter(
                kind=UnitKind.PROVINCE_COMMAND, province=province, path__startswith=ctx.hq.path
            )
            .order_by("path")
            .first()
        )
        if existing is not None:
            ctx.commands[code] = existing
            continue
        place = province.name[0].lower() + province.name[1:]  # "Tỉnh An Giang" → "tỉnh An Giang"
        new_commands.append(
            Unit(
                code=f"{GEN_PREFIX}{code}",
                name=f"Bộ Chỉ huy Bộ đội Biên phòng {place}",
                kind=UnitKind.PROVINCE_COMMAND,
                parent=ctx.hq,
                province=province,
            )
        )
    for command in _insert_level(ctx, new_commands):
        ctx.commands[command.province.code] = command  # type: ignore[union-attr]

    fields = [
        Unit(
            code=s.code,
            name=s.name,
            kind=s.kind,
            parent=ctx.commands[s.province_code],
            province=ctx.provinces[s.province_code],
        )
        for s in ctx.stations
    ]
    for plan, unit in zip(ctx.stations, _insert_level(ctx, fields), strict=True):
        plan.id = unit.pk

    per_station: list[list[Unit]] = []
    for plan, unit in zip(ctx.stations, fields, strict=True):
        if plan.kind == UnitKind.FLOTILLA:
            names = list(FLOTILLA_TEAMS)
        else:
            names = list(STATION_TEAMS) + rng.sample(OPTIONAL_TEAMS, rng.randint(0, 1))
        per_station.append(
            [
                Unit(
                    code=f"{plan.code}-D{n}",
                    name=name,
                    kind=UnitKind.TEAM,
                    parent=unit,
                    province=unit.province,
                )
                for n, name in enumerate(names, start=1)
            ]
        )
    _insert_level(ctx, [team for teams in per_station for team in teams])
    for plan, teams in zip(ctx.stations, per_station, strict=True):
        plan.teams = [(team.name, team.pk) for team in teams]


def _insert_level(ctx: Synthetic, units: list[Unit]) -> list[Unit]:
    """Insert one level of the tree, then give each row its materialised path from its parent's."""
    if not units:
        return []
    with transaction.atomic():
        Unit.objects.bulk_create(units, batch_size=BATCH)
        parent_paths = dict(
            Unit.objects.filter(pk__in={u.parent_id for u in units if u.parent_id}).values_list("pk", "path")
        )
        for unit in units:
            unit.path = f"{parent_paths[unit.parent_id] if unit.parent_id else '/'}{unit.pk}/"
        Unit.objects.bulk_update(units, ["path"], batch_size=BATCH)
    ctx.counts[Unit._meta.label] += len(units)
    return units


def create_areas(ctx: Synthetic) -> None:
    """Each field unit's area of responsibility: the communes it covers."""
    rows = ({"unit_id": s.id, "commune_id": c} for s in ctx.stations for c in s.communes)
    write(ctx, UnitArea, rows, total=sum(len(s.communes) for s in ctx.stations))


def create_hamlets(ctx: Synthetic) -> None:
    """4–8 hamlets per commune, named and kinded as the region names them (ấp, thôn, bản, buôn, tổ dân phố).

    Each hamlet has a dominant community (most of its households share it), drawn
    from the province's ethnic mix — a Khmer ấp in Cần Thơ, a Mông bản in Điện Biên.
    """
    rng = ctx.rng("hamlets")
    for commune_id, name in Hamlet.objects.filter(commune_id__in=ctx.communes).values_list(
        "commune_id", "name"
    ):
        ctx.communes[commune_id].taken_hamlet_names.add(name)
    rows: list[dict[str, Any]] = []
    for commune in sorted(ctx.communes.values(), key=lambda c: c.code):
        region = BORDER_PROVINCES[commune.province_code].region
        for _ in range(rng.randint(*HAMLETS_PER_COMMUNE)):
            ethnic = ethnic_for(rng, commune.province_code)
            kind, name = _hamlet_name(rng, region, ethnic, commune)
            commune.taken_hamlet_names.add(name)
            commune.hamlets.append(len(ctx.hamlets))
            ctx.hamlets.append(
                HamletPlan(
                    commune_id=commune.id,
                    name=name,
                    kind=kind,
                    ethnic=ethnic,
                    lat=jitter(rng, commune.lat, 0.03),
                    lon=jitter(rng, commune.lon, 0.03),
                )
            )
            rows.append({"name": name, "kind": kind, "commune_id": commune.id})
    for plan, pk in zip(ctx.hamlets, write(ctx, Hamlet, rows, total=len(rows), returning=True), strict=True):
        plan.id = pk
    for station in ctx.stations:
        station.hamlets = [h for c in station.communes for h in ctx.communes[c].hamlets]


def _hamlet_name(rng: random.Random, region: Region, ethnic: str, commune: CommunePlan) -> tuple[str, str]:
    south = region in (Region.MEKONG, Region.SOUTHEAST)
    if commune.urban:
        kind, word = (HamletKind.KHOM, "Khóm") if south else (HamletKind.TO_DAN_PHO, "Tổ dân phố")
        places: tuple[str, ...] = ()
    elif south:
        kind, word = HamletKind.AP, "Ấp"
        places = HAMLET_NAMES["khmer"] if ethnic == "khmer" else HAMLET_NAMES["kinh"]
    elif ethnic == "ede":
        kind, word, places = HamletKind.BUON, "Buôn", HAMLET_NAMES["ede"]
    elif ethnic == "jrai":
        kind, word, places = HamletKind.OTHER, "Làng", HAMLET_NAMES["jrai"]
    elif region in (Region.NORTHWEST, Region.NORTHEAST) and ethnic != "kinh":
        kind, word, places = HamletKind.BAN, "Bản", HAMLET_NAMES["tai"]
    else:
        kind, word, places = HamletKind.THON, "Thôn", HAMLET_NAMES["kinh"]
    for _ in range(20):
        if places and rng.random() < 0.7:
            name = f"{word} {rng.choice(places)}"
            if south and rng.random() < 0.25:
                name += rng.choice((" A", " B"))
        else:
            name = f"{word} {rng.randint(1, 15)}"
        if name not in commune.taken_hamlet_names:
            return kind, name
    number = 16
    while f"{word} {number}" in commune.taken_hamlet_names:
        number += 1
    return kind, f"{word} {number}"


def create_party_cells(ctx: Synthetic) -> None:
    """A cell for each team (chi bộ đội) and for each hamlet (chi bộ ấp, with its secretary)."""
    rng = ctx.rng("cells")
    unit_cells = [
        {"name": f"Chi bộ {team}, {s.name}", "kind": CellKind.UNIT, "unit_id": team_id}
        for s in ctx.stations
        for team, team_id in s.teams
    ]
    write(ctx, PartyCell, unit_cells, total=len(unit_cells))
    names = {c.id: c.name for c in ctx.communes.values()}
    hamlet_cells = [
        {
            "name": f"Chi bộ {h.name}, {names[h.commune_id]}",
            "kind": CellKind.HAMLET,
            "hamlet_id": h.id,
            "secretary_name": person_name(rng, h.ethnic, female=rng.random() < 0.3)[0],
        }
        for h in ctx.hamlets
    ]
    cell_ids = write(ctx, PartyCell, hamlet_cells, total=len(hamlet_cells), returning=True)
    for plan, pk in zip(ctx.hamlets, cell_ids, strict=True):
        plan.cell_id = pk
