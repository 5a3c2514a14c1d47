"""Plans of demo households: who lives there, what they live on, and how their poverty status moved.

Pure Python over a seeded random.Random, no database: `seed_case` turns the
plans into rows through the services. Keeping the two apart lets a reader check
the shape of a family without a database, and keeps the builder short.
"""

import random
from dataclasses import dataclass, field
from datetime import date

from longdan.households.models import Relation, Schooling, Sex
from longdan.households.poverty import LINES, AreaType, PovertyCategory, Standard, categorize

from .names import HOA, KHMER, KINH, person_name

# Ages and schooling are as of this day, so the demo is the same whenever it is loaded.
REFERENCE_DATE = date(2026, 6, 30)

# The yearly review (rà soát hộ nghèo) under NĐ 07/2021 closes in December; the mid-2026
# review covers the households the station is helping out of poverty.
REVIEW_DATES = [
    date(2022, 12, 20),
    date(2023, 12, 20),
    date(2024, 12, 20),
    date(2025, 12, 20),
]
MID_YEAR_REVIEW = date(2026, 6, 15)

_LADDER: list[str] = [
    PovertyCategory.POOR,
    PovertyCategory.NEAR_POOR,
    PovertyCategory.AVERAGE,
    PovertyCategory.OTHER,
]
# Where assigned households start in the first review: the model gives priority to poor families.
_START = {
    KHMER: [42, 28, 20, 10],
    KINH: [28, 30, 26, 16],
    HOA: [14, 24, 32, 30],
}
# Chance, at each review, to climb one step (from poor, near-poor, average).
_CLIMB = [0.28, 0.30, 0.18]
_SLIP = 0.04

# Deprivations, most common first along this coast (housing and latrines before telecom).
_DEPRIVATION_WEIGHTS = [
    ("lacks_health_insurance", 14),
    ("lacks_housing_quality", 14),
    ("lacks_sanitation", 13),
    ("lacks_clean_water", 11),
    ("lacks_adult_education", 10),
    ("lacks_information_access", 8),
    ("lacks_employment", 8),
    ("lacks_nutrition", 6),
    ("lacks_housing_area", 6),
    ("lacks_child_schooling", 4),
    ("lacks_dependents_ratio", 4),
    ("lacks_telecom", 2),
]

_RELIGIONS = {
    KHMER: [("Phật giáo Nam tông Khmer", 95), ("Không", 5)],
    KINH: [("Không", 55), ("Phật giáo", 28), ("Công giáo", 8), ("Cao Đài", 5), ("Phật giáo Hòa Hảo", 4)],
    HOA: [("Phật giáo", 55), ("Không", 45)],
}
_SIZES = [(2, 8), (3, 17), (4, 27), (5, 25), (6, 15), (7, 8)]  # mean ≈ 4.5
_PHONE_PREFIXES = ["091", "094", "097", "098", "086", "039", "036", "033", "037", "083", "088", "070"]


@dataclass
class ResidentPlan:
    full_name: str
    sex: str
    relation: str
    birth_year: int
    schooling: str


@dataclass
class Review:
    assessed_on: date
    category: str
    income_per_head: int
    deprivations: list[str]
    area_type: str


@dataclass
class FamilyPlan:
    head_name: str
    ethnicity: str
    religion: str
    livelihood: str
    phone: str
    residents: list[ResidentPlan]
    reviews: list[Review] = field(default_factory=list)
    is_policy_family: bool = False
    has_difficult_circumstances: bool = False
    notes: str = ""

    @property
    def latest_category(self) -> str:
        return self.reviews[-1].category if self.reviews else ""


def pick(rng: random.Random, pool: list[tuple[str, int]]) -> str:
    values, weights = zip(*pool, strict=True)
    return rng.choices(values, weights=weights)[0]


def phone_number(rng: random.Random) -> str:
    return rng.choice(_PHONE_PREFIXES) + f"{rng.randrange(10**7):07d}"


def schooling_for(rng: random.Random, birth_year: int, ethnicity: str) -> str:
    """Highest level reached (adults) or being attended (children), as of REFERENCE_DATE."""
    age = REFERENCE_DATE.year - birth_year
    behind = ethnicity == KHMER  # Khmer children in these hamlets leave school earlier; the model works on it
    if age < 3:
        return ""
    if age < 6:
        return Schooling.PRESCHOOL
    if age < 11:
        return Schooling.PRIMARY
    if age < 15:
        return Schooling.LOWER_SECONDARY
    if age < 18:
        return (
            Schooling.UPPER_SECONDARY
            if rng.random() < (0.7 if behind else 0.85)
            else Schooling.LOWER_SECONDARY
        )
    if age < 30:
        pool = [("upper_secondary", 40), ("lower_secondary", 25 if behind else 15), ("vocational", 18)]
        pool.append(("university", 8 if behind else 15))
        return pick(rng, pool)
    if age < 60:
        pool = [("primary", 38 if behind else 28), ("lower_secondary", 32), ("upper_secondary", 15)]
        pool += [("none", 10 if behind else 4), ("vocational", 5)]
        return pick(rng, pool)
    return pick(rng, [("none", 45 if behind else 25), ("primary", 45), ("lower_secondary", 10)])


def plan_residents(
    rng: random.Random, *, head_name: str, female_head: bool, ethnicity: str, size: int
) -> list[ResidentPlan]:
    """A plausible family of `size` people around its head: spouse, children, sometimes a parent or grandchild."""
    head_family = head_name.split()[0]
    head_birth = rng.randint(1952, 1992)
    people = [_person(rng, head_name, female_head, Relation.HEAD, head_birth, ethnicity)]
    # Some women head the household because they are widowed or the husband works away.
    married = not female_head or rng.random() < 0.55
    children_family = head_family
    if married and len(people) < size:
        spouse_birth = head_birth + (rng.randint(-2, 6) if not female_head else rng.randint(-6, 2))
        spouse = person_name(rng, ethnicity, female=not female_head)
        if female_head:
            children_family = spouse.split()[0]
        people.append(_person(rng, spouse, not female_head, Relation.SPOUSE, spouse_birth, ethnicity))
    if size - len(people) >= 3 and head_birth >= 1966 and rng.random() < 0.4:
        parent_birth = head_birth - rng.randint(20, 30)
        parent = person_name(rng, ethnicity, female=True)
        people.append(_person(rng, parent, True, Relation.PARENT, parent_birth, ethnicity))
    child_birth = head_birth + rng.randint(20, 27)
    # An older couple often lives with a married child and the grandchildren.
    older = head_birth <= 1970 and size - len(people) >= 3 and rng.random() < 0.5
    grandchildren = rng.randint(1, 2) if older else 0
    # Too young a head for more children: the rest are a sibling or grandchildren.
    while len(people) < size - grandchildren and child_birth <= 2024:
        female = rng.random() < 0.5
        name = person_name(rng, ethnicity, female=female, family=children_family)
        people.append(_person(rng, name, female, Relation.CHILD, child_birth, ethnicity))
        child_birth += rng.randint(2, 5)
    oldest_child = next((p for p in people if p.relation == Relation.CHILD), None)
    while len(people) < size:
        if oldest_child is not None and oldest_child.birth_year <= 2000:
            female = rng.random() < 0.5
            birth = min(2025, oldest_child.birth_year + rng.randint(20, 25))
            name = person_name(rng, ethnicity, female=female, family=children_family)
            people.append(_person(rng, name, female, Relation.GRANDCHILD, birth, ethnicity))
        else:
            female = rng.random() < 0.5
            birth = head_birth + rng.randint(-6, 10)
            name = person_name(rng, ethnicity, female=female, family=head_family)
            people.append(_person(rng, name, female, Relation.SIBLING, birth, ethnicity))
    return people


def _person(
    rng: random.Random, name: str, female: bool, relation: str, birth_year: int, ethnicity: str
) -> ResidentPlan:
    sex = Sex.FEMALE if female else Sex.MALE
    return ResidentPlan(name, sex, relation, birth_year, schooling_for(rng, birth_year, ethnicity))


def plan_reviews(
    rng: random.Random, *, ethnicity: str, stuck: bool, area_type_on: "AreaTypeOn", forced: str | None = None
) -> list[Review]:
    """A poverty history over 2022–2026: most households climb a step now and then, stuck ones stay poor."""
    step = (
        _LADDER.index(forced)
        if forced
        else _LADDER.index(pick(rng, list(zip(_LADDER, _START[ethnicity], strict=True))))
    )
    if stuck:
        step = 0
    reviews = []
    dates = list(REVIEW_DATES)
    for index, day in enumerate(dates):
        if index and not forced:
            if step < 3 and rng.random() < _CLIMB[step] * (0.15 if stuck else 1.0):
                step += 1
            elif step > 0 and rng.random() < _SLIP:
                step -= 1
        reviews.append(_review(rng, day, _LADDER[step], area_type_on(day)))
    # The mid-year review: the households still poor or near-poor that the station is working with.
    if step <= 1 and rng.random() < 0.5:
        if not stuck and not forced and rng.random() < 0.35:
            step += 1
        review = _review(rng, MID_YEAR_REVIEW, _LADDER[step], area_type_on(MID_YEAR_REVIEW))
        # The article's household has its mid-year review told by the demo's year of activity. Its dice
        # are thrown all the same, so every other household's history stays what it was.
        if not forced:
            reviews.append(review)
    return reviews


class AreaTypeOn:
    """Whether a hamlet counted as rural or urban on a day: a xã that became part of a phường turns urban."""

    def __init__(self, *, before_reform_urban: bool, after_reform_urban: bool, reform: date) -> None:
        self.before = AreaType.URBAN if before_reform_urban else AreaType.RURAL
        self.after = AreaType.URBAN if after_reform_urban else AreaType.RURAL
        self.reform = reform

    def __call__(self, day: date) -> str:
        return self.after if day >= self.reform else self.before


def _review(rng: random.Random, day: date, category: str, area_type: str) -> Review:
    """Income and deprivations that give `category` under the standard in force on `day`."""
    line = LINES[Standard.ND07_2021].line(area_type)
    low, high, deprived = {
        PovertyCategory.POOR: (0.55, 0.97, (3, 5)),
        PovertyCategory.NEAR_POOR: (0.70, 0.98, (0, 2)),
        PovertyCategory.AVERAGE: (1.03, 1.47, (0, 2)),
        PovertyCategory.OTHER: (1.55, 2.60, (0, 1)),
    }[PovertyCategory(category)]
    income = int(line * rng.uniform(low, high)) // 10_000 * 10_000
    count = rng.randint(*deprived)
    deprivations = _deprivations(rng, count)
    got = categorize(standard=Standard.ND07_2021, area=area_type, income_per_head=income, deprivations=count)
    assert got == category, (category, got, income, count)  # the bands above sit inside the decree's lines
    return Review(day, category, income, deprivations, area_type)


def _deprivations(rng: random.Random, count: int) -> list[str]:
    chosen: list[str] = []
    pool = list(_DEPRIVATION_WEIGHTS)
    while len(chosen) < count:
        name = pick(rng, pool)
        chosen.append(name)
        pool = [item for item in pool if item[0] != name]
    return sorted(chosen)


def plan_family(
    rng: random.Random,
    *,
    head_name: str,
    female_head: bool,
    ethnicity: str,
    livelihoods: list[tuple[str, int]],
    area_type_on: AreaTypeOn,
    residents: list[ResidentPlan] | None = None,
    forced_category: str | None = None,
) -> FamilyPlan:
    """A household's plan; `residents` and `forced_category` fix what the seed article tells of a family."""
    if residents is None:
        sizes, weights = zip(*_SIZES, strict=True)
        size = rng.choices(sizes, weights=weights)[0]
        residents = plan_residents(
            rng, head_name=head_name, female_head=female_head, ethnicity=ethnicity, size=size
        )
    size = len(residents)
    head_birth = residents[0].birth_year
    # Old, alone or sick: the households that stay poor whatever the year.
    stuck = forced_category is None and (head_birth < 1958 or size <= 2) and rng.random() < 0.6
    reviews = plan_reviews(
        rng, ethnicity=ethnicity, stuck=stuck, area_type_on=area_type_on, forced=forced_category
    )
    livelihood = pick(rng, livelihoods)
    if reviews[-1].category in (PovertyCategory.POOR, PovertyCategory.NEAR_POOR) and rng.random() < 0.5:
        livelihood = "làm thuê" if livelihood != "làm thuê" else "làm thuê theo mùa vụ"
    elif rng.random() < 0.3:
        second = pick(rng, livelihoods)
        if second != livelihood:
            livelihood = f"{livelihood}, {second}"
    return FamilyPlan(
        head_name=head_name,
        ethnicity=ethnicity,
        religion=pick(rng, _RELIGIONS[ethnicity]),
        livelihood=livelihood,
        phone=phone_number(rng) if rng.random() < 0.8 else "",
        residents=residents,
        reviews=reviews,
        is_policy_family=rng.random() < (0.04 if ethnicity == KHMER else 0.08),
        has_difficult_circumstances=stuck or rng.random() < 0.05,
    )
