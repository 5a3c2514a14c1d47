"""Households with their residents and poverty reviews."""

import random
from collections.abc import Iterator
from datetime import date
from typing import Any

from longdan.households.models import Household, PovertyAssessment, Priority, Relation, Resident, Schooling
from longdan.households.poverty import (
    DEPRIVATIONS,
    LINES,
    AreaType,
    PovertyCategory,
    categorize,
    standard_for,
)

from .context import (
    CommunePlan,
    HouseholdPlan,
    Synthetic,
    coordinate,
    ethnic_for,
    jitter,
    person_name,
    phone_number,
    random_date,
)
from .pools import BORDER_PROVINCES, NAME_POOLS, RELIGIONS, livelihoods_for
from .writing import write

_CATEGORY_SHARES = (
    [PovertyCategory.POOR] * 14 + [PovertyCategory.NEAR_POOR] * 12
    + [PovertyCategory.AVERAGE] * 24 + [PovertyCategory.OTHER] * 50
)  # fmt: skip
_DEPRIVATION_NAMES = tuple(name for name, _label in DEPRIVATIONS)


def _poverty_history(rng: random.Random, as_of: date, urban: bool) -> list[tuple[date, int, tuple[str, ...]]]:
    """1–3 yearly reviews (October–December, the annual rà soát), ending with last year's.

    The first review draws a category (border areas are poorer than the country);
    then income grows or falls a little each year and deprivations are sometimes
    met, so most households move up over time and a few fall back.
    """
    area = AreaType.URBAN if urban else AreaType.RURAL
    reviews = rng.randint(1, 3)
    first_year = as_of.year - reviews
    line = LINES[standard_for(date(first_year, 12, 1))].line(area)  # type: ignore[index]
    start = rng.choice(_CATEGORY_SHARES)
    if start in (PovertyCategory.POOR, PovertyCategory.NEAR_POOR):
        income = line * rng.uniform(0.45, 1.0)
        lacking = rng.randint(3, 6) if start == PovertyCategory.POOR else rng.randint(0, 2)
    elif start == PovertyCategory.AVERAGE:
        income, lacking = line * rng.uniform(1.01, 1.5), rng.randint(0, 2)
    else:
        income, lacking = line * rng.uniform(1.5, 4.0), rng.randint(0, 1)
    deprivations = rng.sample(_DEPRIVATION_NAMES, lacking)
    history = []
    for year in range(first_year, as_of.year):
        if year > first_year:
            income *= rng.uniform(0.95, 1.25)
            if deprivations and rng.random() < 0.3:
                deprivations.pop(rng.randrange(len(deprivations)))
            elif rng.random() < 0.05:
                deprivations.append(rng.choice([d for d in _DEPRIVATION_NAMES if d not in deprivations]))
        day = random_date(rng, date(year, 10, 15), date(year, 12, 15))
        history.append((day, int(round(income, -4)), tuple(deprivations)))
    return history


def _category(review: tuple[date, int, tuple[str, ...]], urban: bool) -> str:
    day, income, deprivations = review
    area = AreaType.URBAN if urban else AreaType.RURAL
    return categorize(
        standard=standard_for(day), area=area, income_per_head=income, deprivations=len(deprivations)
    )


def create_households(ctx: Synthetic) -> None:
    """Each active member's households (about five), mostly in one hamlet near the member's home hamlet.

    The household's poverty status is written with it, from the last review of its
    history (the reviews themselves are written by `create_assessments`), so no
    second pass over 100,000 rows is needed.
    """
    rng = ctx.rng("households")
    poverty_rng = ctx.rng("poverty")
    for commune_id, code in Household.objects.filter(commune_id__in=ctx.communes).values_list(
        "commune_id", "code"
    ):
        ctx.communes[commune_id].taken_codes.add(code)
    for index, member in enumerate(ctx.members):
        station = ctx.stations[member.station]
        for _ in range(member.quota):
            hamlet_index = member.home_hamlet if rng.random() < 0.8 else rng.choice(station.hamlets)
            hamlet = ctx.hamlets[hamlet_index]
            commune = ctx.communes[hamlet.commune_id]
            ethnic = hamlet.ethnic if rng.random() < 0.8 else ethnic_for(rng, station.province_code)
            female = rng.random() < 0.25
            head_name, surname = person_name(rng, ethnic, female=female)
            ctx.household_plans.append(
                HouseholdPlan(
                    station=member.station,
                    member=index,
                    hamlet=hamlet_index,
                    code=_household_code(commune),
                    head_name=head_name,
                    head_female=female,
                    head_birth=ctx.as_of.year - rng.randint(24, 78),
                    ethnic=ethnic,
                    surname=surname,
                    urban=commune.urban,
                    poverty=_poverty_history(poverty_rng, ctx.as_of, commune.urban),
                )
            )
    rows = _household_rows(ctx, rng)
    household_ids = write(ctx, Household, rows, total=len(ctx.household_plans), returning=True)
    for plan, pk in zip(ctx.household_plans, household_ids, strict=True):
        plan.id = pk


def _household_code(commune: CommunePlan) -> str:
    """ "31795.0012": unique in the commune, skipping codes already there (a commune shared with hand-entered data).

    The dot keeps these apart from the demo's "31795-0012", should the demo be loaded after.
    """
    while True:
        code = f"{commune.code}.{commune.next_code:04d}"
        commune.next_code += 1
        if code not in commune.taken_codes:
            commune.taken_codes.add(code)
            return code


def _household_rows(ctx: Synthetic, rng: random.Random) -> Iterator[dict[str, Any]]:
    livelihoods = {code: livelihoods_for(p.region) for code, p in BORDER_PROVINCES.items()}
    commune_names = {c.id: c.name for c in ctx.communes.values()}
    for plan in ctx.household_plans:
        hamlet = ctx.hamlets[plan.hamlet]
        station = ctx.stations[plan.station]
        latest = plan.poverty[-1]
        category = _category(latest, plan.urban)
        poor = category in (PovertyCategory.POOR, PovertyCategory.NEAR_POOR)
        difficult = rng.random() < (0.3 if category == PovertyCategory.POOR else 0.15 if poor else 0.03)
        policy = rng.random() < 0.06
        priority = difficult or (policy and rng.random() < 0.5) or rng.random() < 0.03
        yield dict(
            code=plan.code,
            head_name=plan.head_name,
            hamlet_id=hamlet.id,
            commune_id=hamlet.commune_id,
            station_id=station.id,
            address=f"{hamlet.name}, {commune_names[hamlet.commune_id]}",
            latitude=coordinate(jitter(rng, hamlet.lat, 0.005)),
            longitude=coordinate(jitter(rng, hamlet.lon, 0.005)),
            phone=phone_number(rng) if rng.random() < 0.75 else "",
            ethnicity=NAME_POOLS[plan.ethnic].label,
            religion=rng.choice(RELIGIONS[plan.ethnic]),
            livelihood=rng.choice(livelihoods[station.province_code]),
            is_policy_family=policy,
            has_difficult_circumstances=difficult,
            priority=Priority.PRIORITY if priority else Priority.NORMAL,
            poverty_category=category,
            poverty_assessed_on=latest[0],
        )


# Household sizes 1–9, mean about 4.5 (border areas have larger households than the national 3.5).
_SIZES = [1] * 3 + [2] * 8 + [3] * 16 + [4] * 25 + [5] * 21 + [6] * 14 + [7] * 7 + [8] * 4 + [9] * 2
_ADULT_SCHOOLING = {
    # age from: (levels, weights)
    60: ((Schooling.NONE, Schooling.PRIMARY, Schooling.LOWER_SECONDARY, Schooling.UPPER_SECONDARY), (25, 45, 20, 10)),
    40: (
        (Schooling.NONE, Schooling.PRIMARY, Schooling.LOWER_SECONDARY, Schooling.UPPER_SECONDARY,
         Schooling.VOCATIONAL, Schooling.UNIVERSITY),
        (10, 30, 35, 18, 5, 2),
    ),
    0: (
        (Schooling.NONE, Schooling.PRIMARY, Schooling.LOWER_SECONDARY, Schooling.UPPER_SECONDARY,
         Schooling.VOCATIONAL, Schooling.UNIVERSITY),
        (3, 15, 35, 30, 10, 7),
    ),
}  # fmt: skip


def _schooling(rng: random.Random, age: int) -> str:
    if age < 3:
        return ""
    for limit, level in ((6, Schooling.PRESCHOOL), (11, Schooling.PRIMARY), (15, Schooling.LOWER_SECONDARY),
                         (18, Schooling.UPPER_SECONDARY)):  # fmt: skip
        if age < limit:
            return level
    if age < 23 and rng.random() < 0.4:
        return rng.choice((Schooling.VOCATIONAL, Schooling.UNIVERSITY))
    for since, (levels, weights) in _ADULT_SCHOOLING.items():
        if age >= since:
            return rng.choices(levels, weights)[0]
    return Schooling.NONE  # pragma: no cover - the last band starts at 0


def _id_number(rng: random.Random, province_code: str, birth: int, female: bool) -> str:
    """A 12-digit citizen identity number: place code, century and sex, year of birth, serial."""
    century_sex = (0 if birth < 2000 else 2) + (1 if female else 0)
    return f"0{province_code}{century_sex}{birth % 100:02d}{rng.randrange(10**6):06d}"


def _family(
    rng: random.Random, plan: HouseholdPlan, size: int, province_code: str, year: int
) -> Iterator[dict[str, Any]]:
    """The head, usually a spouse, sometimes a parent, then children (grandchildren in older households).

    Children take the father's surname, or the mother's clan where descent is
    matrilineal (Ê Đê, Gia Rai).
    """

    def person(name: str, female: bool, birth: int, relation: str) -> dict[str, Any]:
        birth = max(1900, min(year, birth))
        return dict(
            household_id=plan.id,
            full_name=name,
            birth_year=birth,
            sex="female" if female else "male",
            relation=relation,
            schooling=_schooling(rng, year - birth),
            id_number=_id_number(rng, province_code, birth, female)
            if year - birth >= 14 and rng.random() < 0.9
            else "",
        )

    yield person(plan.head_name, plan.head_female, plan.head_birth, Relation.HEAD)
    left = size - 1
    spouse_surname = None
    if left and rng.random() < 0.85:
        female = not plan.head_female
        name, spouse_surname = person_name(rng, plan.ethnic, female=female)
        birth = plan.head_birth + (rng.randint(-3, 6) if female else -rng.randint(-2, 6))
        yield person(name, female, birth, Relation.SPOUSE)
        left -= 1
    mother_is_head = plan.head_female or spouse_surname is None
    if NAME_POOLS[plan.ethnic].matrilineal:
        family_name = plan.surname if mother_is_head else spouse_surname
    else:
        family_name = plan.surname if not plan.head_female or spouse_surname is None else spouse_surname
    head_age = year - plan.head_birth
    if left and head_age < 55 and rng.random() < 0.25:
        female = rng.random() < 0.7
        yield person(person_name(rng, plan.ethnic, female=female)[0], female, plan.head_birth - rng.randint(20, 35),
                     Relation.PARENT)  # fmt: skip
        left -= 1
    taken = {plan.head_name}
    for number in range(left):
        female = rng.random() < 0.5
        for _attempt in range(5):  # brothers are not both called Nguyễn Văn Lợi
            name = person_name(rng, plan.ethnic, female=female, surname=family_name)[0]
            if name not in taken:
                break
        taken.add(name)
        if head_age >= 55 and number >= 2 and rng.random() < 0.6:
            birth = plan.head_birth + rng.randint(44, min(62, head_age))
            yield person(name, female, birth, Relation.GRANDCHILD)
        else:
            yield person(name, female, plan.head_birth + rng.randint(19, min(42, head_age)), Relation.CHILD)


def create_residents(ctx: Synthetic) -> None:
    """About 4.5 residents per household, the head first."""
    rng = ctx.rng("residents")
    sizes = [rng.choice(_SIZES) for _ in ctx.household_plans]

    def rows() -> Iterator[dict[str, Any]]:
        for plan, size in zip(ctx.household_plans, sizes, strict=True):
            yield from _family(rng, plan, size, ctx.stations[plan.station].province_code, ctx.as_of.year)

    write(ctx, Resident, rows(), total=sum(sizes))


def create_assessments(ctx: Synthetic) -> None:
    """The poverty reviews planned with each household; the last one is the status already on the household."""

    def rows() -> Iterator[dict[str, Any]]:
        for plan in ctx.household_plans:
            area = AreaType.URBAN if plan.urban else AreaType.RURAL
            for review in plan.poverty:
                day, income, lacking = review
                yield dict(
                    household_id=plan.id,
                    assessed_on=day,
                    standard=standard_for(day),
                    area_type=area,
                    income_per_head=income,
                    category=_category(review, plan.urban),
                    **dict.fromkeys(lacking, True),
                )

    write(ctx, PovertyAssessment, rows(), total=sum(len(p.poverty) for p in ctx.household_plans))
