"""Data for the synthetic national dataset: border provinces, name pools by community, hamlet names.

Simple and plausible rather than exhaustive: enough that a list of households in
Điện Biên reads like Điện Biên and one in Cần Thơ like Cần Thơ. (The Sóc
Trăng demo has its own, more careful pools in `demo/names.py`.)
"""

from dataclasses import dataclass
from enum import StrEnum


def _pool(text: str) -> tuple[str, ...]:
    """ "Nguyễn*31, Trần*11, Lê" → a tuple with each item repeated by its weight (for rng.choice)."""
    items: list[str] = []
    for part in text.split(","):
        name, _star, weight = part.strip().partition("*")
        items.extend([name] * int(weight or 1))
    return tuple(items)


def _compounds(firsts: str, seconds: str) -> tuple[str, ...]:
    """Every "first second" pair of two comma-separated lists ("Tân Long", "Nà Sài"), no syllable doubled."""
    return tuple(f"{a} {b}" for a in _pool(firsts) for b in _pool(seconds) if a != b)


class Region(StrEnum):
    NORTHEAST = "northeast"
    NORTHWEST = "northwest"
    RED_RIVER = "red_river"
    NORTH_CENTRAL = "north_central"
    CENTRAL = "central"
    HIGHLANDS = "highlands"
    SOUTHEAST = "southeast"
    MEKONG = "mekong"


@dataclass(frozen=True)
class BorderProvince:
    region: Region
    land: bool  # shares a land border (China, Laos, Cambodia)
    sea: bool
    centre: tuple[float, float]  # rough latitude, longitude of the border area
    ethnic_mix: tuple[str, ...]  # keys of NAME_POOLS, repeated by weight


# The current provinces (since 2025-07-01) with a land or sea border, by official code.
# Left out as inland, with no border guard unit: 01 Hà Nội, 19 Thái Nguyên (with
# former Bắc Kạn), 24 Bắc Ninh (with former Bắc Giang), 25 Phú Thọ (with former
# Vĩnh Phúc and Hòa Bình). Every other current province has a land border, a
# coast, or both (Hưng Yên through former Thái Bình, Ninh Bình through former
# Nam Định, Đồng Nai through former Bình Phước …).
BORDER_PROVINCES: dict[str, BorderProvince] = {
    "04": BorderProvince(Region.NORTHEAST, True, False, (22.75, 106.3), _pool("tay*40, nung*30, hmong*10, dao*10, kinh*10")),
    "08": BorderProvince(Region.NORTHEAST, True, False, (23.0, 105.1), _pool("hmong*30, tay*25, dao*15, kinh*20, nung*10")),
    "11": BorderProvince(Region.NORTHWEST, True, False, (21.6, 102.9), _pool("thai*38, hmong*35, kinh*20, dao*7")),
    "12": BorderProvince(Region.NORTHWEST, True, False, (22.4, 103.1), _pool("hmong*40, thai*32, dao*13, kinh*15")),
    "14": BorderProvince(Region.NORTHWEST, True, False, (21.0, 103.8), _pool("thai*55, hmong*17, kinh*17, muong*8, dao*3")),
    "15": BorderProvince(Region.NORTHWEST, True, False, (22.5, 104.0), _pool("hmong*25, kinh*35, tay*15, dao*15, nung*5, thai*5")),
    "20": BorderProvince(Region.NORTHEAST, True, False, (21.95, 106.7), _pool("nung*40, tay*35, kinh*17, dao*5, hoa*3")),
    "22": BorderProvince(Region.NORTHEAST, True, True, (21.3, 107.5), _pool("kinh*75, dao*10, tay*6, nung*5, hoa*4")),
    "31": BorderProvince(Region.RED_RIVER, False, True, (20.75, 106.75), _pool("kinh")),
    "33": BorderProvince(Region.RED_RIVER, False, True, (20.45, 106.5), _pool("kinh")),
    "37": BorderProvince(Region.RED_RIVER, False, True, (20.2, 106.3), _pool("kinh")),
    "38": BorderProvince(Region.NORTH_CENTRAL, True, True, (20.1, 105.2), _pool("kinh*70, thai*13, muong*12, hmong*5")),
    "40": BorderProvince(Region.NORTH_CENTRAL, True, True, (19.3, 104.6), _pool("kinh*70, thai*20, hmong*7, muong*3")),
    "42": BorderProvince(Region.NORTH_CENTRAL, True, True, (18.35, 105.7), _pool("kinh")),
    "44": BorderProvince(Region.CENTRAL, True, True, (17.0, 106.6), _pool("kinh*85, bru*15")),
    "46": BorderProvince(Region.CENTRAL, True, True, (16.3, 107.4), _pool("kinh*85, katu*15")),
    "48": BorderProvince(Region.CENTRAL, True, True, (15.8, 107.8), _pool("kinh*85, katu*15")),
    "51": BorderProvince(Region.HIGHLANDS, True, True, (14.8, 108.2), _pool("kinh*85, jrai*15")),
    "52": BorderProvince(Region.HIGHLANDS, True, True, (13.9, 108.2), _pool("kinh*55, jrai*45")),
    "56": BorderProvince(Region.HIGHLANDS, False, True, (12.0, 109.1), _pool("kinh*90, cham*10")),
    "66": BorderProvince(Region.HIGHLANDS, True, True, (12.9, 108.3), _pool("kinh*65, ede*25, jrai*5, nung*5")),
    "68": BorderProvince(Region.HIGHLANDS, True, True, (11.6, 107.9), _pool("kinh*80, ede*5, cham*5, nung*5, tay*5")),
    "75": BorderProvince(Region.SOUTHEAST, True, False, (11.6, 106.9), _pool("kinh*85, khmer*5, hoa*5, nung*5")),
    "79": BorderProvince(Region.SOUTHEAST, False, True, (10.5, 107.0), _pool("kinh*92, hoa*8")),
    "80": BorderProvince(Region.SOUTHEAST, True, False, (11.1, 106.0), _pool("kinh*93, khmer*5, hoa*2")),
    "82": BorderProvince(Region.MEKONG, True, True, (10.6, 105.6), _pool("kinh*98, hoa*2")),
    "86": BorderProvince(Region.MEKONG, False, True, (9.9, 106.4), _pool("kinh*75, khmer*23, hoa*2")),
    "91": BorderProvince(Region.MEKONG, True, True, (10.4, 105.0), _pool("kinh*80, khmer*15, hoa*3, cham*2")),
    "92": BorderProvince(Region.MEKONG, False, True, (9.5, 106.0), _pool("kinh*65, khmer*30, hoa*5")),
    "96": BorderProvince(Region.MEKONG, False, True, (9.1, 105.1), _pool("kinh*95, khmer*4, hoa*1")),
}  # fmt: skip


@dataclass(frozen=True)
class NamePool:
    label: str  # the ethnicity as recorded on the household (Vietnamese official name)
    surnames: tuple[str, ...]
    male_middles: tuple[str, ...]
    female_middles: tuple[str, ...]
    male_given: tuple[str, ...]
    female_given: tuple[str, ...]
    style: str = "vn"  # "vn": surname middle given; "ede": Y/H' given clan; "jrai": clan given
    matrilineal: bool = False  # children take the mother's clan
    language: str = ""  # people.Language code, when the community has its own language


_KINH_MALE = _pool(
    "Anh, Bình, Cường, Dũng, Đức, Hải, Hùng, Hưng, Huy, Khang, Khánh, Lâm, Long, Lợi, Minh, Nam, Nghĩa, "
    "Phong, Phú, Phúc, Quang, Sơn, Tài, Tâm, Thắng, Thành, Thịnh, Toàn, Trung, Tuấn, Vinh, Việt, Hiếu, "
    "Hòa, Kiên, Mạnh, Tú, Đạt, Hậu, Tùng, Bảo, Tín, Nhân, Trí, Lộc, Thuận, Tường, Hoàng, Quân, Thiện"
)
_KINH_FEMALE = _pool(
    "Anh, Châu, Chi, Dung, Duyên, Giang, Hà, Hạnh, Hằng, Hiền, Hoa, Hồng, Huệ, Hương, Lan, Liên, Linh, "
    "Loan, Mai, My, Nga, Ngân, Nhung, Oanh, Phượng, Quyên, Tâm, Thảo, Thu, Thủy, Trang, Trinh, Tuyết, "
    "Vân, Yến, Xuân, Lệ, Mừng, Nhàn, Sen, Út, Bé, Ngọc, Diễm"
)
_VAN, _THI = _pool("Văn"), _pool("Thị")

NAME_POOLS: dict[str, NamePool] = {
    "kinh": NamePool(
        "Kinh",
        _pool(
            "Nguyễn*31, Trần*11, Lê*9, Phạm*7, Hoàng*4, Huỳnh*4, Phan*4, Vũ*4, Võ*4, Đặng*2, Bùi*2, Đỗ*2, "
            "Hồ*2, Ngô*2, Dương, Lý, Đinh, Đào, Lâm, Mai, Trương, Tô, Hà, Cao, Châu, Lương, Tạ, Thái"
        ),
        _pool(
            "Văn*8, Hữu, Đức, Minh*2, Quốc, Thanh*2, Công, Ngọc, Xuân, Hoàng, Trọng, Thành, Duy, Tấn, Hoài, "
            "Thiên, Quang, Đình"
        ),
        _pool("Thị*10, Ngọc*2, Thanh, Thu, Kim*2, Mỹ, Hồng, Thúy, Bích, Ánh, Phương, Diệu, Hoài"),
        _KINH_MALE,
        _KINH_FEMALE,
    ),
    "khmer": NamePool(
        "Khmer",
        _pool("Thạch*5, Sơn*4, Danh*3, Kim*2, Lâm*2, Lý, Trà, Tăng, Huỳnh, Chau*2, Dương"),
        _pool("Văn*3, Ngọc"),
        _pool("Thị*4, Ngọc"),
        _pool(
            "Sa Rinh, Sóc Khom, Thol, Sô Phal, Sa Rươn, Chanh Đa, Ni, Sang, Ry, Sóc, Pho, Khăl, Tha, Mách, "
            "Sơ Ka, Dên, Sà Phol, Phen, Kha Na, Sa Mon, Sóc Kha, Vi Rắc, Thy, Rinh, Sa Vuth"
        ),
        _pool(
            "Sà Vọng, Sa Rươl, Sà Phia, Sóc Kha, Phanh, Sà Rết, Chanh Thi, Sa Mây, Sóc Thi, Nang, Sa Ri, "
            "Pha Ly, Sô Phia, Sà Ly, Mol, Sà Quang, Đa Ra, Sa Rưm, Kim Thy, Sô Khanh"
        ),
        language="km",
    ),
    "tay": NamePool(
        "Tày",
        _pool("Hoàng*3, Nông*4, Lương*2, Bế*2, Ma*2, Lục, Hà, Đàm, Lăng, Triệu, Vi, Hứa, Lành, Chu, Mông"),
        _VAN,
        _THI,
        _KINH_MALE + _pool("Dền, Pảo, Khiêm, Thào"),
        _KINH_FEMALE + _pool("Nhất, Mỵ, Slao"),
        language="tay",
    ),
    "nung": NamePool(
        "Nùng",
        _pool("Hoàng*3, Lương*2, Nông*2, Lý, Vi*2, Lăng, Chu, Mã, Sầm, Triệu, Hà, Lục, Dương"),
        _VAN,
        _THI,
        _KINH_MALE + _pool("Sình, Quáng, Pín"),
        _KINH_FEMALE + _pool("Nhì, Slam, Pẻn"),
        language="other",
    ),
    "hmong": NamePool(
        "Mông",
        _pool("Giàng*4, Sùng*3, Vàng*3, Lý*2, Thào*3, Mùa*2, Hờ*2, Ly, Lầu, Hạng, Cứ, Tráng, Sình, Vừ*2"),
        _pool("A"),
        _pool("Thị*3, Mỷ"),
        _pool(
            "Páo, Sử, Chứ, Dình, Dế, Chư, Lử, Tủa, Sính, Lềnh, Của, Vư, Pó, Chá, Sềnh, Phổng, Nủ, Chô, "
            "Mua, Sáy, Lâu"
        ),
        _pool("Dợ, Pà, Mỷ, Dua, Mai, Sua, Chá, Dí, Xí, Máy, Cở, Súa, Vá, Lia, Pàng, Dung"),
        language="hmn",
    ),
    "thai": NamePool(
        "Thái",
        _pool("Lò*4, Cầm*2, Lường*3, Quàng*2, Tòng*2, Hà, Vi, Lê, Lữ, Sầm, Điêu, Cà*2, Lèo, Mè, Bạc, Lộc"),
        _VAN,
        _THI,
        _pool(
            "Pâng, Sơn, Inh, Xiêng, Ngọc, Thoi, Ín, Biên, Sang, Hặc, Tiên, Thanh, Khum, Puôn, Ón, Hom, "
            "Chiến, Nhất"
        ),
        _pool("Ơn, Xuân, Bun, Hoa, Ỏn, Pánh, Nga, Biên, Khiêm, Hương, Lả, Tiên, Thơm, Mai, Nọi, Ín"),
        language="thai",
    ),
    "muong": NamePool(
        "Mường",
        _pool("Bùi*4, Đinh*3, Quách*2, Hà*2, Xa, Cao, Phạm, Trương, Bạch"),
        _VAN,
        _THI,
        _KINH_MALE,
        _KINH_FEMALE,
        language="other",
    ),
    "dao": NamePool(
        "Dao",
        _pool("Triệu*4, Bàn*3, Đặng*2, Chảo*2, Lý*2, Tẩn*2, Phùng, Lò, Hoàng, Sần"),
        _pool("Văn*4, Láo, Tà, Seo"),
        _pool("Thị*3, Mẩy, Mùi"),
        _pool("Vần, Sài, Lở, Sử, Phin, Quẩy, Chàn, Kiềm, Hin, Sinh, Tòn, Chiêu, Thành, Quý"),
        _pool("Mẩy, Lở, Xuân, Chòi, Mai, Pham, Phây, Kiều, Liều, Nái"),
        language="other",
    ),
    "hoa": NamePool(
        "Hoa",
        _pool(
            "Lý*2, Trương*2, Quách, Diệp, Lâm*2, Hứa, Tăng, Lưu, Từ, Châu, Giang, Mã, Lục, Thái, Hầu, Phùng, La"
        ),
        _pool("Chấn, Văn, Quốc, Gia, Vĩnh, Kiến, Thế"),
        _pool("Mỹ, Tú, Ngọc, Lệ, Thị, Huệ"),
        _pool("Hưng, Phát, Cường, Vinh, Huy, Tài, Lương, Phúc, Quang, Lập, Minh, Kiệt, Thành"),
        _pool("Lan, Anh, Linh, Trân, Phụng, Mai, Hoa, Hương, Ngọc, Quyên"),
        language="zh",
    ),
    "cham": NamePool(
        "Chăm",
        _pool("Đàng*3, Thuận*2, Quảng*2, Lưu, Bá, Thiên, Châu, Phú, Hán, Trượng, Thông"),
        _VAN,
        _THI,
        _pool("Sanh, Thành, Năng, Hải, Tường, Sa, Ly, Thương, Hạt, Đạt, Tài, Minh"),
        _pool("Mận, Ánh, Hạnh, Tuyết, Hoa, Thanh, Ka, Bi, Sương, Dung"),
        language="cham",
    ),
    "ede": NamePool(
        "Ê Đê",
        _pool("Niê*4, Êban*2, Mlô*2, Ayun, Byă, Knul, Hđơk, Adrơng, Buôn Yă, Ktla, Kpă"),
        (),
        (),
        _pool(
            "Blang, Moan, Sơn, Ngông, Phôn, Tlam, Wưn, Bhiêr, Đhin, Thông, Khuê, Dhăm, Nuê, Tuyn, Krăk, Lang"
        ),
        _pool("Nhi, Hen, Bia, Mai, Loan, Nga, Ka, Yam, Blông, Jen, Liên, Duyên, Nuôm, Dhiêm"),
        style="ede",
        matrilineal=True,
        language="other",
    ),
    "jrai": NamePool(
        "Gia Rai",
        _pool("Rơ Châm*2, Siu*3, Ksor*3, Rah Lan*2, Kpă*2, Nay*2, Rơ Mah*2, Puih, Kpuih, Rơ Ô"),
        (),
        (),
        _pool("Phước, Blai, Phiang, Thuyên, Tuấn, Chung, Ly, Ưih, Bơk, Dôi, Hyưn, Nhao, Thơm, Lếch, Kheo"),
        _pool("Nhí, Bleo, Ly, Hiên, Thơm, Byưn, Dơn, Plưn, Ngơ, Yua, Blơn"),
        style="jrai",
        matrilineal=True,
        language="other",
    ),
    "bru": NamePool(
        "Bru-Vân Kiều",
        _pool("Hồ*6, Lê, Pả, Kray, Côn, Quỳnh"),
        _VAN,
        _THI,
        _pool("Đông, Thanh, Cưa, Lai, Hoan, Dường, Dăm, Prăm, Tăng, Bép, Kiên, Sinh"),
        _pool("Pết, Nga, Xuân, Hồng, Hằng, Chăm, Dơn, Tôn, Lai, Hoa"),
        language="other",
    ),
    "katu": NamePool(
        "Cơ Tu",
        _pool("Alăng*2, Bhling*2, Clâu, Zơ Râm, Ating, Briu, Pơloong, A Rất, Hốih, Blup, Coor"),
        (),
        _pool("Thị"),
        _pool("Bảo, Mia, Quân, Nhím, Đệ, Hùng, Tuấn, Pố, Vai, Bloong, Tơ, Chơm, Sâm, Đức"),
        _pool("Lanh, Thoa, Bình, Hồng, Nga, Ngân, Thị, Hiên, Xuân, Dung"),
        language="other",
    ),
}

# Religion as recorded (sensitive field), by community; "Không" = none.
_MOSTLY_NONE = _pool("Không*92, Tin Lành*5, Công giáo*3")
RELIGIONS: dict[str, tuple[str, ...]] = {
    "kinh": _pool("Không*72, Phật giáo*16, Công giáo*9, Cao Đài*2, Tin Lành"),
    "khmer": _pool("Phật giáo Nam tông Khmer*92, Không*8"),
    "hoa": _pool("Phật giáo*50, Không*45, Công giáo*5"),
    "hmong": _pool("Không*70, Tin Lành*28, Công giáo*2"),
    "ede": _pool("Tin Lành*45, Công giáo*20, Không*35"),
    "jrai": _pool("Tin Lành*45, Công giáo*20, Không*35"),
    "cham": _pool("Bà La Môn*50, Hồi giáo*35, Không*15"),
    "tay": _MOSTLY_NONE,
    "nung": _MOSTLY_NONE,
    "thai": _MOSTLY_NONE,
    "muong": _MOSTLY_NONE,
    "dao": _MOSTLY_NONE,
    "bru": _MOSTLY_NONE,
    "katu": _MOSTLY_NONE,
}

# Place names for hamlets, by naming tradition (the kind word — Ấp, Thôn, Bản … — is added by the generator).
HAMLET_NAMES: dict[str, tuple[str, ...]] = {
    "kinh": _compounds(
        "Tân, Phú, An, Bình, Hòa, Thạnh, Mỹ, Vĩnh, Đông, Tây, Trung, Hưng, Phước, Hiệp, Thới, Khánh, Hải, "
        "Xuân, Kim, Đại",
        "Long, Phú, An, Bình, Hòa, Lợi, Hưng, Thuận, Lộc, Hải, Thành, Tiến, Sơn, Thọ, Yên",
    ),
    # Khmer place names of Trà Vinh, An Giang and Kiên Giang; the Sóc Trăng ones the demo uses are left out,
    # so a demo loaded after a generated dataset never meets one of its hamlets under a generated name.
    "khmer": _pool(
        "Sóc Chùa, Ô Chích, Cà Hom, Kô Kô, Tha La, Sóc Ruộng, Ba Se, Trà Ốp, Sóc Mới, Chông Nô, Tà Miệt, "
        "Phnôm Pi, Svay Sô, Ô Đùng, Sóc Xoài, Tà Điếp, Trà Sết, Pơ Thi, Sa Keo, Som Rông, Ca Lạc, Bưng Tróp, "
        "Trà Tim, Sóc Leo, Tà Ân, Trà Cuôn"
    ),
    "tai": _compounds(
        "Nà, Huổi, Pá, Nậm, Phiêng, Co, Hua, Bó, Khuổi, Lũng, Pác, Khe, Nặm",
        "Sài, Ty, Lếch, Khoang, Mạ, Pục, Lay, Luông, Cọ, Thắm, Nưa, Hịa, Cáy, Vài, Khao, Chang, Mòn, Pao, Pẻn",
    ),
    "ede": _pool(
        "Ko Đung, Ea Sar, Cuôr Đăng, Trấp, Ea Kmát, Ktuh, Drai, Jun, Mblớt, Tơ Lơ, Ea Bông, Kô Sir, "
        "Ea Nao, Kram, Đôn, Alê"
    ),
    "jrai": _pool(
        "Ia Mơr, Ia Lâu, Ia Bang, Dơ Nâu, Krông, Ia Pnôn, Ia Chía, Lung, Ia O, Bông, Ia Nan, Plei Kần"
    ),
}

_LIVELIHOODS: dict[Region, tuple[str, ...]] = {
    Region.NORTHEAST: _pool("Trồng ngô và lúa nương*3, Chăn nuôi gia súc*2, Trồng rừng*2, Làm thuê*2, "
                            "Trồng hồi và quế, Buôn bán nhỏ"),
    Region.NORTHWEST: _pool("Trồng ngô và lúa nương*4, Chăn nuôi gia súc*2, Trồng rừng, Trồng thảo quả, "
                            "Làm thuê*2, Trồng chè"),
    Region.RED_RIVER: _pool("Trồng lúa*3, Nuôi trồng thủy sản*2, Đánh bắt hải sản*2, Làm muối, Công nhân*2, "
                            "Buôn bán nhỏ, Làm thuê"),
    Region.NORTH_CENTRAL: _pool("Trồng lúa*3, Đánh bắt hải sản*2, Nuôi trồng thủy sản, Trồng rừng, "
                                "Chăn nuôi gia súc, Làm thuê*2, Buôn bán nhỏ"),
    Region.CENTRAL: _pool("Đánh bắt hải sản*3, Trồng lúa*2, Trồng rừng*2, Trồng sắn, Làm thuê*2, Buôn bán nhỏ"),
    Region.HIGHLANDS: _pool("Trồng cà phê*3, Trồng sắn*2, Trồng cao su, Đánh bắt hải sản, Làm thuê*2, "
                            "Chăn nuôi gia súc"),
    Region.SOUTHEAST: _pool("Trồng cao su*2, Trồng mì*2, Công nhân*2, Buôn bán nhỏ, Làm thuê*2, Trồng lúa, "
                            "Đánh bắt hải sản"),
    Region.MEKONG: _pool("Trồng lúa*3, Nuôi tôm*2, Đánh bắt hải sản*2, Trồng màu, Làm muối, Làm thuê*3, "
                         "Buôn bán nhỏ"),
}  # fmt: skip


def livelihoods_for(region: Region) -> tuple[str, ...]:
    return _LIVELIHOODS[region]
