"""The seed case as data: the Border Guard of (former) Sóc Trăng province and its sea-border communes.

75 party members of five stations in charge of about 350 households in 11 communes
of the sea border — thị xã Vĩnh Châu, huyện Trần Đề and huyện Cù Lao Dung before
2025-07-01, all within thành phố Cần Thơ since — and the people the seed article
names. `builder.build()` writes it through the project's services.

Communes are named by their official codes, never by name (three current communes
are called "Xã Vĩnh Hải"); each hamlet carries the code of the commune it belonged
to before the reform, and the builder checks every area against the official
old → new mapping loaded by `longdan load_units`.
"""

from dataclasses import dataclass
from datetime import date

from longdan.people.models import Language, Rank

SEED = 20180601
ACTIVITY_SEED = 20251201  # the year of visits, petitions, tips and support (activity/)
PASSWORD = "longdan-demo"
HOUSEHOLDS = 350
GRANTS_FROM = date(2024, 1, 1)

HQ_CODE = "BTL"
COMMAND_CODE = "BCH-ST"
PROVINCE_CODE = "92"  # thành phố Cần Thơ, which took in tỉnh Sóc Trăng (94) on 2025-07-01
LEGACY_PROVINCE_CODE = "94"
LEGACY_DISTRICT_CODES = {"950", "951", "945"}  # thị xã Vĩnh Châu, huyện Trần Đề, huyện Cù Lao Dung

# Livelihoods along this coast, weighted: shallots and salt in Vĩnh Châu, fishing in Trần Đề, sugar cane on the islet.
VINH_CHAU = [
    ("trồng hành tím", 30), ("nuôi tôm", 18), ("đánh bắt ven bờ", 15), ("làm thuê", 22),
    ("buôn bán nhỏ", 10), ("làm muối", 5),
]  # fmt: skip
SALT_FLATS = [
    ("làm muối", 25), ("trồng hành tím", 25), ("nuôi tôm", 15), ("làm thuê", 25),
    ("đánh bắt ven bờ", 7), ("buôn bán nhỏ", 3),
]  # fmt: skip
TOWN = [
    ("buôn bán nhỏ", 30), ("làm thuê", 28), ("trồng hành tím", 20), ("nuôi tôm", 10),
    ("đánh bắt ven bờ", 7), ("chạy xe ôm", 5),
]  # fmt: skip
TRAN_DE = [
    ("đánh bắt ven bờ", 28), ("nuôi tôm", 20), ("trồng lúa", 15), ("làm thuê", 25), ("buôn bán nhỏ", 12),
]  # fmt: skip
CU_LAO_DUNG = [
    ("trồng mía", 25), ("trồng cây ăn trái", 15), ("nuôi tôm", 15), ("đánh bắt ven bờ", 20),
    ("làm thuê", 20), ("buôn bán nhỏ", 5),
]  # fmt: skip


@dataclass(frozen=True)
class HamletSpec:
    name: str
    legacy: str  # official code of the commune the hamlet belonged to before 2025-07-01
    weight: float = 1.0  # its share of the station's households
    secretary: str = ""  # generated when empty


@dataclass(frozen=True)
class AreaSpec:
    """A current commune (or the part of it that was one former commune) in a station's area."""

    commune: str  # official code today; checked against the official mapping of each hamlet's former commune
    hamlets: tuple[HamletSpec, ...]
    center: tuple[float, float]
    livelihoods: list[tuple[str, int]]
    khmer: float  # share of Khmer households
    hoa: float = 0.0
    part_of: str | None = None  # the former commune, when the station covers only that part


@dataclass(frozen=True)
class StationSpec:
    code: str
    name: str
    members: int
    areas: tuple[AreaSpec, ...]
    khmer_members: float


def _hamlets(legacy: str, *names: str) -> tuple[HamletSpec, ...]:
    return tuple(HamletSpec(name, legacy) for name in names)


AU_THO_A = HamletSpec("Ấp Âu Thọ A", "31795", weight=1.4)
XUNG_THUM_A = HamletSpec("Ấp Xung Thum A", "31810", weight=1.4, secretary="Phan Thúy Mừng")

STATIONS = (
    StationSpec(
        code="DBP-VH",
        name="Đồn Biên phòng Vĩnh Hải",
        members=16,
        khmer_members=0.25,
        areas=(
            AreaSpec(
                commune="31795",
                hamlets=(AU_THO_A, *_hamlets("31795", "Ấp Âu Thọ B", "Ấp Huỳnh Kỳ", "Ấp Vĩnh Thạnh",
                                              "Ấp Giồng Nhãn", "Ấp Giồng Nhãn A")),
                center=(9.345, 106.105), livelihoods=VINH_CHAU, khmer=0.65, hoa=0.03,
            ),
            AreaSpec(
                commune="31789",
                hamlets=(*_hamlets("31789", "Khóm Cà Lăng A Biển", "Khóm Nô Pol"),
                         *_hamlets("31786", "Khóm Lẫm Thiết"), *_hamlets("31792", "Khóm Tân Hòa")),
                center=(9.335, 106.035), livelihoods=VINH_CHAU, khmer=0.55, hoa=0.08,
            ),
        ),
    ),
    StationSpec(
        code="DBP-LH",
        name="Đồn Biên phòng Lai Hòa",
        members=16,
        khmer_members=0.3,
        areas=(
            AreaSpec(
                commune="31810",
                hamlets=(XUNG_THUM_A, *_hamlets("31810", "Ấp Xung Thum B", "Ấp Sân Chim", "Ấp Bưng Sa",
                                                "Ấp Kinh Ngay", "Ấp Prey Chóp A")),
                center=(9.262, 105.805), livelihoods=SALT_FLATS, khmer=0.72, hoa=0.02,
            ),
            # Former xã Vĩnh Tân, now part of phường Vĩnh Phước; the rest of the ward is Vĩnh Phước station's.
            AreaSpec(
                commune="31804", part_of="31807",
                hamlets=_hamlets("31807", "Khóm Tân Nam", "Khóm Tân Thời", "Khóm Vĩnh Thành"),
                center=(9.268, 105.855), livelihoods=SALT_FLATS, khmer=0.55, hoa=0.03,
            ),
        ),
    ),
    StationSpec(
        code="DBP-VP",
        name="Đồn Biên phòng Vĩnh Phước",
        members=13,
        khmer_members=0.2,
        areas=(
            AreaSpec(
                commune="31804", part_of="31804",
                hamlets=_hamlets("31804", "Khóm Biển Trên", "Khóm Biển Dưới", "Khóm Wathpich"),
                center=(9.290, 105.905), livelihoods=SALT_FLATS, khmer=0.5, hoa=0.1,
            ),
            AreaSpec(
                commune="31783",
                hamlets=(*_hamlets("31783", "Khóm 1"), *_hamlets("31801", "Khóm Sở Tại A"),
                         *_hamlets("31798", "Khóm Lạc Thạnh", "Khóm Hòa Thạnh")),
                center=(9.322, 105.980), livelihoods=TOWN, khmer=0.35, hoa=0.15,
            ),
        ),
    ),
    StationSpec(
        code="DBP-TD",
        name="Đồn Biên phòng Trần Đề",
        members=17,
        khmer_members=0.15,
        areas=(
            AreaSpec(
                commune="31673",
                hamlets=(*_hamlets("31673", "Ấp Cảng"), *_hamlets("31681", "Ấp Giồng Chát", "Ấp Tổng Cáng"),
                         *_hamlets("31672", "Ấp Thạnh Đức")),
                center=(9.505, 106.195), livelihoods=TRAN_DE, khmer=0.35,
            ),
            AreaSpec(
                commune="31679",
                hamlets=(*_hamlets("31679", "Ấp Nhà Thờ", "Ấp Chợ"), *_hamlets("31678", "Ấp Tắc Bướm",
                                                                            "Ấp Bưng Lức")),
                center=(9.470, 106.150), livelihoods=TRAN_DE, khmer=0.4,
            ),
            AreaSpec(
                commune="31675",
                hamlets=(*_hamlets("31675", "Ấp Năm Châu", "Ấp Tắc Gồng"), *_hamlets("31705", "Ấp Giồng Chùa")),
                center=(9.445, 106.100), livelihoods=TRAN_DE, khmer=0.45,
            ),
            AreaSpec(
                commune="31687",
                hamlets=(*_hamlets("31687", "Ấp Tà Lọt", "Ấp Đay Sô"), *_hamlets("31696", "Ấp Sa Bâu")),
                center=(9.420, 106.055), livelihoods=TRAN_DE, khmer=0.55,
            ),
        ),
    ),
    StationSpec(
        code="DBP-CLD",
        name="Đồn Biên phòng Cù Lao Dung",
        members=12,
        khmer_members=0.0,
        areas=(
            AreaSpec(
                commune="31615",
                hamlets=(*_hamlets("31615", "Ấp Bình Linh"), *_hamlets("31618", "Ấp An Phú"),
                         *_hamlets("31624", "Ấp Văn Sáu"), *_hamlets("31621", "Ấp Phạm Thành Hơn")),
                center=(9.640, 106.180), livelihoods=CU_LAO_DUNG, khmer=0.03,
            ),
            AreaSpec(
                commune="31633",
                hamlets=(*_hamlets("31633", "Ấp Vàm Hồ"), *_hamlets("31636", "Ấp Rạch Tráng"),
                         *_hamlets("31630", "Ấp Sơn Ton"), *_hamlets("31627", "Ấp Đại Nghĩa Thắng")),
                center=(9.560, 106.235), livelihoods=CU_LAO_DUNG, khmer=0.03,
            ),
        ),
    ),
)  # fmt: skip

TEAMS = (("VDQC", "Đội Vận động quần chúng"), ("TMHC", "Đội Tham mưu hành chính"), ("TS", "Đội Trinh sát"))

# Every station's command and team leads, then the cadres who fill the rest; ranks by post.
COMMANDER_POST = "Đồn trưởng"
COMMAND_POSTS = [
    (COMMANDER_POST, [Rank.THIEU_TA]),
    ("Chính trị viên", [Rank.THIEU_TA]),
    ("Phó Đồn trưởng", [Rank.DAI_UY, Rank.THIEU_TA]),
    ("Phó Chính trị viên", [Rank.DAI_UY]),
    ("Đội trưởng Đội Vận động quần chúng", [Rank.THUONG_UY, Rank.DAI_UY]),
    ("Phó đội trưởng Đội Vận động quần chúng", [Rank.THIEU_UY, Rank.TRUNG_UY]),
    ("Đội trưởng Đội Tham mưu hành chính", [Rank.TRUNG_UY, Rank.THUONG_UY]),
    ("Đội trưởng Đội Trinh sát", [Rank.THUONG_UY, Rank.DAI_UY]),
    ("Y sĩ", [Rank.THIEU_UY_CN, Rank.TRUNG_UY_CN]),
]
CADRE_POSTS = [
    ("Cán bộ địa bàn", [Rank.THIEU_UY, Rank.TRUNG_UY, Rank.THUONG_UY]),
    ("Cán bộ Đội Vận động quần chúng", [Rank.THIEU_UY, Rank.TRUNG_UY]),
    ("Nhân viên trinh sát", [Rank.TRUNG_SI, Rank.THUONG_SI]),
    ("Cán bộ địa bàn", [Rank.THIEU_UY, Rank.TRUNG_UY]),
    ("Nhân viên Đội Tham mưu hành chính", [Rank.TRUNG_SI, Rank.THUONG_SI, Rank.THIEU_UY_CN]),
]
# Birth years by rank: a Trung sĩ is in his early twenties, a Thiếu tá around forty.
BIRTH_YEARS = {
    Rank.TRUNG_SI: (2002, 2005), Rank.THUONG_SI: (2000, 2003), Rank.THIEU_UY_CN: (1990, 1997),
    Rank.TRUNG_UY_CN: (1987, 1993), Rank.THIEU_UY: (1996, 2001), Rank.TRUNG_UY: (1993, 1998),
    Rank.THUONG_UY: (1990, 1995), Rank.DAI_UY: (1985, 1991), Rank.THIEU_TA: (1978, 1985),
}  # fmt: skip


@dataclass(frozen=True)
class NamedMember:
    station: str  # unit code
    full_name: str
    rank: str
    position: str
    birth_date: date
    party_entry_date: date
    languages: tuple[str, ...] = (Language.VIETNAMESE,)


PHU = NamedMember(
    station="DBP-VH", full_name="Nguyễn Thiên Phú", rank=Rank.THIEU_UY,
    position="Đội trưởng Đội Tham mưu hành chính", birth_date=date(1996, 8, 12),
    party_entry_date=date(2018, 5, 19), languages=(Language.VIETNAMESE, Language.KHMER),
)  # fmt: skip
DUC = NamedMember(
    station="DBP-LH", full_name="Phạm Hoài Đức", rank=Rank.THIEU_UY,
    position="Phó đội trưởng Đội Vận động quần chúng", birth_date=date(1997, 3, 4),
    party_entry_date=date(2019, 2, 3), languages=(Language.VIETNAMESE, Language.KHMER),
)  # fmt: skip
MEN = NamedMember(
    station=COMMAND_CODE, full_name="Nguyễn Trìu Mến", rank=Rank.DAI_TA,
    position="Chính ủy", birth_date=date(1971, 10, 2),
    party_entry_date=date(1992, 9, 2),
)  # fmt: skip
# The commissar takes charge of households himself, in the commune where the work is hardest.
COMMISSAR_STATION = "DBP-LH"
SA_VONG = "Thạch Thị Sà Vọng"
# Her household: (full name, sex, relation, birth year, schooling); the children are the pupils
# the station's scholarships are for.
SA_VONG_FAMILY = [
    (SA_VONG, "female", "head", 1979, "primary"),
    ("Lâm Văn Sóc", "male", "spouse", 1976, "primary"),
    ("Lâm Thị Sà Ri", "female", "child", 2009, "upper_secondary"),
    ("Lâm Sô Phol", "male", "child", 2013, "lower_secondary"),
]
SA_VONG_NOTE = (
    "Hộ nghèo người Khmer. Được Đồn Biên phòng Vĩnh Hải giúp vay vốn giải quyết việc làm "
    "để buôn bán nhỏ tại nhà."
)

USERNAMES = (
    "demo-member",
    "demo-station",
    "demo-station-laihoa",
    "demo-province",
    "demo-commune",
    "demo-admin",
)
COMMUNE_LIAISON_NAME = "Trương Thị Ngọc Hân"  # Phó Bí thư Đảng ủy xã Vĩnh Hải
LIAISON_COMMUNE_CODE = "31795"  # xã Vĩnh Hải (thành phố Cần Thơ), not one of the other two of that name
ADMIN_NAME = "Trần Minh Khoa"


def lower_first(name: str) -> str:
    """ "Ấp Âu Thọ A" → "ấp Âu Thọ A", as a unit's name reads inside a sentence or an address."""
    return name[:1].lower() + name[1:]
