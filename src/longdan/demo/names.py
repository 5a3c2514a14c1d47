"""Name pools for the demo: Kinh, Khmer and Hoa names as they are written in the Mekong delta's civil records.

Khmer families of Sóc Trăng carry one of a handful of family names given to them
(Thạch, Sơn, Lâm, Kim, Danh, Lý, Trần, Triệu …) and a Khmer given name written
in Vietnamese letters ("Sà Vọng", "Sô Phol", "Sa Rươl"), women often with "Thị".
Kinh names follow family + middle + given; Hoa names often keep a Sino-Vietnamese
given name. The pools are data, not UI text: they are not translated.
"""

import random
from dataclasses import dataclass

KINH = "Kinh"
KHMER = "Khmer"
HOA = "Hoa"

# Family names weighted by how often they appear in the south (Nguyễn first by far).
KINH_FAMILY = [
    ("Nguyễn", 30), ("Trần", 11), ("Lê", 9), ("Phạm", 6), ("Huỳnh", 6), ("Võ", 5), ("Phan", 4),
    ("Trương", 3), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Dương", 2), ("Ngô", 2), ("Lý", 2),
    ("Tô", 1), ("Hồ", 2), ("Châu", 1), ("Mai", 1), ("Đoàn", 1), ("Lưu", 1), ("Tạ", 1), ("Quách", 1),
]  # fmt: skip
KINH_MIDDLE_MALE = [
    "Văn",
    "Văn",
    "Văn",
    "Minh",
    "Hoàng",
    "Thanh",
    "Hữu",
    "Quốc",
    "Công",
    "Ngọc",
    "Đức",
    "Trung",
]
KINH_MIDDLE_FEMALE = ["Thị", "Thị", "Thị", "Thị", "Ngọc", "Thanh", "Kim", "Mỹ", "Bích", "Thúy", "Hồng"]
KINH_GIVEN_MALE = [
    "Hùng", "Dũng", "Tâm", "Phước", "Lộc", "Tài", "Hải", "Sơn", "Trung", "Nghĩa", "Bình", "Toàn",
    "Khang", "Hậu", "Tuấn", "Nhân", "Thành", "Hiếu", "Lợi", "Út", "Phúc", "Thắng", "Cường", "Khải",
    "Tín", "Vũ", "Long", "Quang", "Đạt", "Duy", "Khoa", "Nam", "Kiệt", "Trí", "Thuận", "Hòa", "Em",
    "Sang", "Tùng", "Vinh", "Hưng", "Luân", "Trọng", "Thiện", "Bảo", "Định", "Hào", "Quý",
]  # fmt: skip
KINH_GIVEN_FEMALE = [
    "Lan", "Hoa", "Mai", "Hằng", "Thảo", "Ngân", "Nhung", "Trang", "Diễm", "Hồng", "Thủy", "Kiều",
    "Hạnh", "Yến", "Loan", "Xuân", "Thu", "Phượng", "Dung", "Tuyết", "Nga", "Liên", "Hương", "Vân",
    "Trinh", "Nhi", "Thư", "Vy", "Như", "Huyền", "Oanh", "Cúc", "Lệ", "Bé", "Hiền", "Tiên", "My",
]  # fmt: skip

KHMER_FAMILY = [
    ("Thạch", 28), ("Sơn", 20), ("Lâm", 12), ("Kim", 10), ("Danh", 8), ("Lý", 7), ("Trần", 5),
    ("Triệu", 4), ("Huỳnh", 3), ("Dương", 2), ("Tăng", 1),
]  # fmt: skip
KHMER_GIVEN_MALE = [
    "Sô Phol", "Sa Rết", "Sà Phách", "Văn Thươl", "Sóc Pha", "Sà Rinh", "Phi Rum", "Chanh Ra",
    "Sóc Kha", "Sa Ri", "Vi Sal", "Pho", "Sà Mết", "Văn Đươl", "Sa Muôl", "Ngọc Hiếu", "Văn Nhum",
    "Phươl", "Sang", "Hoành", "Sa Phon", "Văn Khen", "Chăn Thu", "Sóc Thanh", "Văn Sóc", "Da Ra",
    "Bô Ra", "Sà Khươl", "Văn Rươne", "Mến", "Hênh", "Văn Pên", "Sà Ruôl", "Oanh Sóc", "Văn Kol",
]  # fmt: skip
KHMER_GIVEN_FEMALE = [
    "Thị Sa Rươl", "Thị Sa Vi", "Thị Sà Quân", "Thị Sa Phương", "Thị Chanh Thu", "Thị Chăm Rên",
    "Thị Sà Vành", "Thị Sóc Thia", "Thị Mỹ Dung", "Thị Sa Bol", "Thị Sà Ri", "Thị Nang", "Thị Hươl",
    "Thị Sà Pha", "Thị Sóc Na", "Thị Dên", "Thị Thơ Ly", "Thị Sa Rênh", "Thị Chanh Tha", "Thị Kim Ly",
    "Thị Sà Mol", "Thị Phol La", "Thị Sa Khum", "Thị Mạch", "Thị Sóc Phi", "Thị Sô Phia", "Thị Ên",
    "Thị Sa Ra", "Thị Nhung", "Thị Chăn Đa", "Thị Sà Rết", "Thị Sa Phia", "Thị Pho Ly",
]  # fmt: skip

HOA_FAMILY = [
    ("Lý", 4), ("Tăng", 4), ("Quách", 3), ("Trương", 3), ("Lưu", 2), ("Mã", 2), ("Hứa", 2),
    ("Diệp", 2), ("Châu", 2), ("Trịnh", 2), ("Lâm", 2), ("Giang", 1),
]  # fmt: skip
HOA_GIVEN_MALE = [
    "Chí Cường", "A Sáng", "Văn Phát", "Hớn Minh", "Quốc Hưng", "Vĩnh Xương", "Chấn Hào",
    "Kiến Lương", "Tắc Sanh", "Thái Hòa", "Vĩ Kiệt", "Hoa Lực",
]  # fmt: skip
HOA_GIVEN_FEMALE = [
    "Thị Mỹ Linh", "Tiểu Muội", "Thị Hên", "Ngọc Lan", "Thị Xíu", "Mỹ Huê", "Thị Cẩm Tú", "Thị Phấn",
    "Tú Anh", "Thị Kiều", "Nguyệt Minh", "Thị Sương",
]  # fmt: skip


def _weighted(rng: random.Random, pool: list[tuple[str, int]]) -> str:
    names, weights = zip(*pool, strict=True)
    return rng.choices(names, weights=weights)[0]


def family_name(rng: random.Random, ethnicity: str) -> str:
    pool = {KHMER: KHMER_FAMILY, HOA: HOA_FAMILY}.get(ethnicity, KINH_FAMILY)
    return _weighted(rng, pool)


def given_name(rng: random.Random, ethnicity: str, *, female: bool) -> str:
    """A given name with its middle name ("Văn Hùng", "Thị Sa Rươl")."""
    if ethnicity == KHMER:
        return rng.choice(KHMER_GIVEN_FEMALE if female else KHMER_GIVEN_MALE)
    if ethnicity == HOA:
        return rng.choice(HOA_GIVEN_FEMALE if female else HOA_GIVEN_MALE)
    middle = rng.choice(KINH_MIDDLE_FEMALE if female else KINH_MIDDLE_MALE)
    given = rng.choice(KINH_GIVEN_FEMALE if female else KINH_GIVEN_MALE)
    return f"{middle} {given}"


def person_name(rng: random.Random, ethnicity: str, *, female: bool, family: str | None = None) -> str:
    """A full name, family name first; `family` keeps a child's or sibling's family name."""
    return f"{family or family_name(rng, ethnicity)} {given_name(rng, ethnicity, female=female)}"


@dataclass
class NameBook:
    """Hands out names that are not used twice (a demo list with two identical heads looks wrong)."""

    rng: random.Random
    used: set[str]

    def unique(self, ethnicity: str, *, female: bool) -> str:
        for _attempt in range(200):
            name = person_name(self.rng, ethnicity, female=female)
            if name not in self.used:
                self.used.add(name)
                return name
        raise RuntimeError("name pools exhausted")  # pragma: no cover - the pools hold thousands of names
