"""Twenty security tips heard during visits, and what each station's reconnaissance team made of them.

A member hears something at a house and records it as a tip (the household is the
protected source, never named in the visit); the commander passes it to the
station's reconnaissance team; the team lead reports whether it was verified and
what was done. The newest are still waiting. Contents are data, not UI text.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from longdan.intel.models import Credibility, TipCategory, TipStatus, Urgency
from longdan.intel.services import tip_act, tip_assess, tip_pass_to_team, tip_record
from longdan.org.models import Unit

from .actors import Actors
from .agenda import Agenda
from .period import END, office_time
from .visits import PlannedVisit

T, St = TipCategory, TipStatus


@dataclass(frozen=True)
class TipPlan:
    station: str
    category: str
    content: str
    final: str
    outcome: str = ""
    urgency: str = Urgency.ROUTINE


TIPS = [
    TipPlan("DBP-CLD", T.SMUGGLING, "Có ghe lạ thường neo ở vàm sông lúc nửa đêm, bốc hàng lên xe tải nhỏ; nghi vận "
            "chuyển thuốc lá điếu nhập lậu.", St.ACTED_ON,
            "Phối hợp Quản lý thị trường bắt giữ 01 xe tải chở 2.500 bao thuốc lá nhập lậu; chuyển hồ sơ xử lý."),
    TipPlan("DBP-TD", T.SMUGGLING, "Một số người mua bán dầu trôi nổi, nghi sang mạn từ tàu lạ ngoài khơi.",
            St.ACTED_ON, "Tuần tra phát hiện 01 tàu cá chở 8.000 lít dầu DO không rõ nguồn gốc; lập biên bản tạm giữ."),
    TipPlan("DBP-VP", T.SMUGGLING, "Đường cát không nhãn mác bán giá rẻ ở chợ, nghi hàng nhập lậu.", St.NOT_VERIFIED,
            "Xác minh: hàng có hóa đơn của đại lý trong tỉnh, không phải hàng lậu."),
    TipPlan("DBP-VH", T.DRUGS, "Nhóm thanh niên thường tụ tập ở quán cà phê cuối ấp đến khuya, nghi sử dụng ma túy "
            "tổng hợp.", St.ACTED_ON, "Phối hợp Công an xã kiểm tra, 4 người dương tính với ma túy; lập hồ sơ quản "
            "lý, đưa 01 người đi cai nghiện.", Urgency.URGENT),
    TipPlan("DBP-LH", T.DRUGS, "Người lạ từ nơi khác đến thuê trọ, ra vào thất thường, nghi mua bán ma túy.", St.PASSED),
    TipPlan("DBP-VP", T.DRUGS, "Thanh niên hàng xóm có biểu hiện ảo giác, nói năng lung tung, gia đình lo gây án.",
            St.VERIFIED, urgency=Urgency.URGENT),
    TipPlan("DBP-TD", T.IUU_FISHING, "Tàu cá của một chủ tàu trong ấp tắt thiết bị giám sát hành trình khi ra khơi, "
            "nghi vượt ranh giới vùng biển.", St.ACTED_ON, "Phối hợp Chi cục Thủy sản xác minh; chủ tàu bị xử phạt "
            "vi phạm hành chính về duy trì thiết bị giám sát hành trình."),
    TipPlan("DBP-TD", T.IUU_FISHING, "Tàu cào lạ khai thác trong vùng ven bờ ban đêm, dùng lưới mắt nhỏ.",
            St.NOT_VERIFIED, "Tuần tra 3 đêm không phát hiện tàu vi phạm; tiếp tục theo dõi."),
    TipPlan("DBP-TD", T.IUU_FISHING, "Một số thuyền viên được rủ đi đánh bắt ở vùng biển nước ngoài, hứa trả công cao.",
            St.VERIFIED),
    TipPlan("DBP-LH", T.IUU_FISHING, "Chủ ghe gửi thiết bị giám sát hành trình sang tàu khác khi đi biển.", St.RECEIVED),
    TipPlan("DBP-VH", T.ILLEGAL_CROSSING, "Một số thanh niên trong ấp được môi giới sang Campuchia làm việc qua đường "
            "không chính thức.", St.ACTED_ON, "Ngăn chặn 03 thanh niên chuẩn bị xuất cảnh trái phép; tuyên truyền "
            "cho gia đình.", Urgency.URGENT),
    TipPlan("DBP-CLD", T.ILLEGAL_CROSSING, "Người lạ đến hỏi thuê ghe ra đảo ban đêm, nghi tổ chức xuất cảnh trái phép.",
            St.NOT_VERIFIED, "Xác minh: nhóm du khách thuê ghe câu cá, có giấy tờ đầy đủ."),
    TipPlan("DBP-LH", T.TRAFFICKING, "Một phụ nữ trong xóm được người quen hứa giới thiệu lấy chồng nước ngoài, đã "
            "đưa giấy tờ cho người này.", St.ACTED_ON, "Phối hợp Công an xác minh đường dây môi giới hôn nhân trái "
            "phép; vận động gia đình không cho đi, thu hồi giấy tờ."),
    TipPlan("DBP-VH", T.TRAFFICKING, "Trên mạng xã hội có người tuyển lao động “việc nhẹ lương cao” ở nước ngoài, vài "
            "cháu trong ấp đã liên hệ.", St.PASSED),
    TipPlan("DBP-LH", T.PUBLIC_ORDER, "Có tụ điểm đá gà ăn tiền chiều chủ nhật trong vườn cuối ấp.", St.ACTED_ON,
            "Phối hợp Công an xã triệt xóa tụ điểm, xử phạt 7 người."),
    TipPlan("DBP-VH", T.PUBLIC_ORDER, "Hai nhóm thanh niên hai ấp có mâu thuẫn, hẹn đánh nhau sau lễ hội Ok Om Bok.",
            St.RECEIVED, urgency=Urgency.URGENT),
    TipPlan("DBP-VP", T.PUBLIC_ORDER, "Có người cho vay nặng lãi, đòi nợ bằng cách đe dọa.", St.PASSED),
    TipPlan("DBP-CLD", T.PUBLIC_ORDER, "Người đi xe không biển số thường đến hỏi mua đất ven biển.", St.NOT_VERIFIED,
            "Xác minh: người của công ty bất động sản, không có dấu hiệu vi phạm."),
    TipPlan("DBP-VH", T.OTHER, "Vật lạ hình trụ nghi vật liệu nổ trôi dạt vào bãi biển.", St.ACTED_ON,
            "Phong tỏa khu vực, phối hợp công binh thu gom 01 quả đạn pháo cũ, hủy nổ an toàn.", Urgency.IMMEDIATE),
    TipPlan("DBP-TD", T.OTHER, "Ghe lạ không số đăng ký neo ở bãi bồi nhiều ngày, không thấy người.", St.RECEIVED),
]  # fmt: skip
# Received between … and … days before the year's last day, by how far the tip has got.
WINDOWS: dict[str, tuple[int, int]] = {
    St.RECEIVED: (0, 8),
    St.PASSED: (6, 30),
    St.VERIFIED: (12, 45),
    St.NOT_VERIFIED: (20, 330),
    St.ACTED_ON: (25, 340),
}


def plan(
    agenda: Agenda,
    rng: random.Random,
    *,
    stations: list[Unit],
    visits: dict[int, list[PlannedVisit]],
    actors: Actors,
) -> list[TipPlan]:
    codes = {station.code: station for station in stations}
    for tip in TIPS:
        station = codes[tip.station]
        low, high = WINDOWS[tip.final]
        target = END - timedelta(days=rng.randint(low, high))
        near = sorted(
            (
                v
                for vs in visits.values()
                for v in vs
                if v.household.station_id == station.pk
                and not v.fixed
                and abs((v.day - target).days) <= 5
                and v.kind != "phone"
            ),
            key=lambda v: (v.at, v.household.pk),
        )
        visit = rng.choice(near)
        visit.fixed = True
        key = ("tip", tip.content)
        heard = visit.at + timedelta(minutes=rng.randint(10, 40))
        at = visit.recorded_at + timedelta(minutes=3)
        agenda.add(at, _record(tip, visit, heard, actors), key=key)
        if tip.final == St.RECEIVED:
            continue
        at = office_time(rng, at.date() + timedelta(days=rng.randint(0, 1)), after=at)
        agenda.add(at, _pass(agenda, key, station, actors))
        if tip.final == St.PASSED:
            continue
        at = _next(rng, at, 2, 10)
        verified = tip.final != St.NOT_VERIFIED
        agenda.add(at, _assess(agenda, key, station, verified, tip, actors))
        if tip.final == St.ACTED_ON:
            agenda.add(_next(rng, at, 1, 15), _act(agenda, key, station, tip, actors))
    return TIPS


def _next(rng: random.Random, at: datetime, low: int, high: int) -> datetime:
    day = min(END, at.date() + timedelta(days=rng.randint(low, high)))
    return office_time(rng, day, after=at)


def _record(tip: TipPlan, visit: PlannedVisit, heard: datetime, actors: Actors) -> Callable[[], Any]:
    def run() -> Any:
        return tip_record(
            acting_user=actors.of(visit.member),
            household=visit.household,
            category=tip.category,
            content=tip.content,
            credibility=Credibility.POSSIBLE,
            urgency=tip.urgency,
            received_at=heard,
            source_note="Nghe trực tiếp khi đến thăm hộ; đề nghị giữ bí mật người cung cấp.",
        )

    return run


def _pass(agenda: Agenda, key: Any, station: Unit, actors: Actors) -> Callable[[], Any]:
    def run() -> Any:
        return tip_pass_to_team(
            tip=agenda.made[key],
            acting_user=actors.commanders[station.pk],
            team=actors.recon_teams[station.pk],
            note="Giao Đội Trinh sát xác minh.",
        )

    return run


def _assess(
    agenda: Agenda, key: Any, station: Unit, verified: bool, tip: TipPlan, actors: Actors
) -> Callable[[], Any]:
    def run() -> Any:
        credibility = Credibility.PROBABLE if verified else Credibility.DOUBTFUL
        note = "Đã xác minh, thông tin có cơ sở." if verified else tip.outcome
        return tip_assess(
            tip=agenda.made[key],
            acting_user=actors.recon_leads[station.pk],
            verified=verified,
            credibility=credibility,
            note=note,
        )

    return run


def _act(agenda: Agenda, key: Any, station: Unit, tip: TipPlan, actors: Actors) -> Callable[[], Any]:
    def run() -> Any:
        return tip_act(tip=agenda.made[key], acting_user=actors.recon_leads[station.pk], outcome=tip.outcome)

    return run
