"""What a generator run decides and keeps between steps, its knobs, and the small random helpers the steps share."""

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from tqdm import tqdm

from longdan.geo.models import AdminUnit
from longdan.org.models import Unit

from .pools import BORDER_PROVINCES, NAME_POOLS

GEN_PREFIX = "GEN-"
# The national HQ is shared, not generated: the same code as `longdan demo` gives it (seed_case.HQ_CODE).
HQ_CODE = "BTL"
USERNAME_PREFIX = "gen-"
# Rows per transaction, and at most per multi-row INSERT (fewer when the parameter limit says so).
CHUNK = 5000
BATCH = 2000
# The model started in 2018 (the seed article); assignments are dated from then on.
MODEL_START = date(2018, 3, 1)

HOUSEHOLDS_PER_MEMBER = 5
MEMBERS_PER_STATION = 40
STATION_SIZE = (20, 60)
COMMUNES_PER_STATION = (2, 4)
HAMLETS_PER_COMMUNE = (4, 8)
# Shares of households: reassigned once before (closed assignment + open one), with a supporting member.
REASSIGNED_SHARE = 0.15
SECONDARY_SHARE = 0.03
# Station members who attend the cell of the hamlet where most of their households live.
CELL_ATTENDANCE_SHARE = 0.6
# Logins for a handful of stations, so pages can be tried and benchmarked on the generated data.
USER_STATIONS = 5

STATION_TEAMS = ("Đội Vận động quần chúng", "Đội Trinh sát", "Đội Tham mưu hành chính")
OPTIONAL_TEAMS = ("Đội Phòng chống ma túy và tội phạm", "Đội Kiểm soát hành chính")
FLOTILLA_TEAMS = ("Đội tàu", "Đội Trinh sát", "Đội Vận động quần chúng")


class GeneratedDataExists(Exception):
    """Raised when generated data is already in the database and the caller did not ask to replace it."""


class NoBorderProvinces(Exception):
    """Raised when none of the border provinces is among the loaded administrative units."""


# --- the plan: small records kept in memory between steps (ids filled in once written) ---


@dataclass(slots=True)
class CommunePlan:
    id: int
    code: str
    name: str
    province_code: str
    urban: bool
    lat: float
    lon: float
    hamlets: list[int] = field(default_factory=list)
    taken_codes: set[str] = field(default_factory=set)
    taken_hamlet_names: set[str] = field(default_factory=set)
    next_code: int = 1


@dataclass(slots=True)
class StationPlan:
    code: str
    name: str
    kind: str
    province_code: str
    communes: list[int]
    size: int
    id: int = 0
    teams: list[tuple[str, int]] = field(default_factory=list)  # (team name, unit id)
    hamlets: list[int] = field(default_factory=list)
    members: list[int] = field(default_factory=list)  # indexes into ctx.members (active first)


@dataclass(slots=True)
class HamletPlan:
    commune_id: int
    name: str
    kind: str
    ethnic: str
    lat: float
    lon: float
    id: int = 0
    cell_id: int = 0


@dataclass(slots=True)
class MemberPlan:
    station: int
    unit_id: int
    full_name: str
    position: str
    active: bool
    quota: int = 0
    home_hamlet: int = -1
    id: int = 0


@dataclass(slots=True)
class HouseholdPlan:
    station: int
    member: int
    hamlet: int
    code: str
    head_name: str
    head_female: bool
    head_birth: int
    ethnic: str
    surname: str
    urban: bool
    # (assessed_on, income per head, deprivation field names), oldest first; the last is the status.
    poverty: list[tuple[date, int, tuple[str, ...]]]
    id: int = 0


@dataclass
class Synthetic:
    """What one run has decided and written so far; every step reads it and adds to it."""

    households: int
    seed: int
    as_of: date
    progress: bool = False
    password: str | None = None
    months: int = 36  # of events (visits, petitions, …) up to as_of; 0 for none
    provinces: dict[str, AdminUnit] = field(default_factory=dict)
    hq: Unit | None = None
    commands: dict[str, Unit] = field(default_factory=dict)
    communes: dict[int, CommunePlan] = field(default_factory=dict)
    stations: list[StationPlan] = field(default_factory=list)
    hamlets: list[HamletPlan] = field(default_factory=list)
    members: list[MemberPlan] = field(default_factory=list)
    household_plans: list[HouseholdPlan] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    usernames: list[str] = field(default_factory=list)
    recorder_id: int = 0  # the login generated events are recorded by (events.recorder_id)

    def rng(self, step: str) -> random.Random:
        """A generator of its own per step, so a new step added later leaves earlier rows unchanged."""
        return random.Random(f"longdan-synthetic:{self.seed}:{step}")

    def bar(self, desc: str, total: int) -> tqdm:
        return tqdm(total=total, desc=f"{desc:<22}", unit="rows", disable=not self.progress, leave=True)


# --- helpers shared by the steps ---


def split_sizes(
    total: int, parts: int, bounds: tuple[int, int], spread: float, rng: random.Random
) -> list[int]:
    """`parts` sizes near total/parts, within `bounds` when that is possible, adding up to `total` exactly."""
    low, high = bounds
    if not parts * low <= total <= parts * high:
        low, high = 1 if total >= parts else 0, total
    mean = total / parts
    sizes = [min(high, max(low, round(rng.gauss(mean, spread)))) for _ in range(parts)]
    diff = total - sum(sizes)
    while diff:
        i = rng.randrange(parts)
        step = 1 if diff > 0 else -1
        if low <= sizes[i] + step <= high:
            sizes[i] += step
            diff -= step
    return sizes


def jitter(rng: random.Random, value: float, spread: float) -> float:
    return value + rng.uniform(-spread, spread)


def coordinate(value: float) -> Decimal:
    return Decimal(f"{value:.6f}")


def random_date(rng: random.Random, start: date, end: date) -> date:
    if end <= start:
        return start
    return start + timedelta(days=rng.randrange((end - start).days + 1))


# Mobile prefixes in use since the 2018 renumbering (Viettel, VinaPhone, MobiFone, …).
_MOBILE_PREFIXES = (
    *range(32, 40), 70, *range(76, 80), *range(81, 87), 88, 89, 90, 91, 93, 94, 96, 97, 98,
)  # fmt: skip


def phone_number(rng: random.Random) -> str:
    return f"0{rng.choice(_MOBILE_PREFIXES)}{rng.randrange(10**7):07d}"


def person_name(
    rng: random.Random, ethnic: str, *, female: bool, surname: str | None = None
) -> tuple[str, str]:
    """A plausible full name for a person of `ethnic`, and the surname (clan) it carries."""
    pool = NAME_POOLS[ethnic]
    surname = surname or rng.choice(pool.surnames)
    given = rng.choice(pool.female_given if female else pool.male_given)
    if pool.style == "ede":  # "Y Moan Niê", "H'Hen Êban": prefix and given name, clan last
        prefix = "H'" if female else "Y "
        return f"{prefix}{given} {surname}", surname
    if pool.style == "jrai":  # "Ksor Phước", "Siu H'Nhí": clan first, often no middle name
        prefix = "H'" if female and rng.random() < 0.5 else ""
        return f"{surname} {prefix}{given}", surname
    middles = pool.female_middles if female else pool.male_middles
    middle = rng.choice(middles) if middles else ""
    return " ".join(part for part in (surname, middle, given) if part), surname


def ethnic_for(rng: random.Random, province_code: str) -> str:
    mix = BORDER_PROVINCES[province_code].ethnic_mix
    return rng.choice(mix)
