"""The seed article's case, step by step: Thạch Thị Sà Vọng's job-creation loan for a small trade.

Thiếu úy Nguyễn Thiên Phú advises her on a visit in December; the petition goes
to the station command, which plans it and refers it to the Bank for Social
Policies; the loan is applied for, approved and paid out before Tết; the commune
liaison records it resolved, Phú carries the answer back, the commander closes
it. Her small shop does well, and the mid-year poverty review of 2026 finds the
household near-poor, no longer poor. Each step is taken by the login DESIGN.md names.
"""

from datetime import date

from longdan.accounts.models import User
from longdan.cases.models import Category, ResponsibleBody
from longdan.cases.services import (
    case_answer,
    case_close,
    case_open,
    case_plan,
    case_propose,
    case_refer,
    case_resolve,
)
from longdan.fieldwork.models import Advice
from longdan.households.models import Household, PovertyAssessment
from longdan.households.services import poverty_assessment_record
from longdan.support.models import LoanStatus, ProgramKind
from longdan.support.services import benefit_record

from .agenda import Agenda
from .period import moment
from .support import loan_step, programs
from .visits import PlannedVisit

LOAN = 50_000_000
LOAN_PURPOSE = "Vay vốn giải quyết việc làm để buôn bán nhỏ (mở tạp hóa tại nhà)"
TITLE = "Xin hỗ trợ vay vốn giải quyết việc làm để buôn bán nhỏ"
DESCRIPTION = (
    "Chị Thạch Thị Sà Vọng (hộ nghèo người Khmer) muốn vay vốn giải quyết việc làm để mở tạp hóa nhỏ tại nhà, "
    "bán nhu yếu phẩm cho bà con trong ấp; chồng làm thuê không đều. Đề nghị Đồn hướng dẫn thủ tục, giúp hộ "
    "làm hồ sơ vay Ngân hàng Chính sách xã hội."
)
PLAN = (
    "Giao đồng chí Nguyễn Thiên Phú hướng dẫn hộ lập hồ sơ vay vốn giải quyết việc làm qua Tổ tiết kiệm và vay "
    "vốn ấp Âu Thọ A; phối hợp Hội Liên hiệp Phụ nữ xã xác nhận, đề nghị Ngân hàng Chính sách xã hội cho vay "
    "50 triệu đồng; theo dõi, hướng dẫn hộ sử dụng vốn đúng mục đích."
)
MID_YEAR_REVIEW = date(2026, 6, 15)
# (about when, what Phú wrote down): the visits that tell the story between the loan and the review.
LATER_VISITS = [
    (date(2026, 2, 3), "Tạp hóa mở từ cuối tháng 1, bán được hàng Tết; chị Sà Vọng phấn khởi."),
    (
        date(2026, 4, 20),
        "Tạp hóa buôn bán ổn định, mỗi tháng lãi khoảng 3–4 triệu đồng; trả lãi ngân hàng đúng hạn.",
    ),
    (
        date(2026, 6, 18),
        "Hộ được xã rà soát, không còn là hộ nghèo (nay là hộ cận nghèo); gia đình cảm ơn Đồn.",
    ),
    (date(2026, 9, 8), "Cháu Lâm Sô Phol được nhận học bổng “Nâng bước em tới trường”, đi học đều."),
]


def plan(agenda: Agenda, *, household: Household, visits: list[PlannedVisit], users: dict[str, User]) -> None:
    """Her visits tell the story (none of them is used for anything else); the steps go on the agenda."""
    for visit in visits:
        visit.fixed = True
    advice = _nearest(visits, date(2025, 12, 9))
    advice.at, advice.recorded_at = moment(date(2025, 12, 9), 15, 30), moment(date(2025, 12, 9), 17, 40)
    advice.aspirations = (
        "Muốn có vốn mở tạp hóa nhỏ tại nhà để có thu nhập ổn định; chồng làm thuê không đều."
    )
    advice.welfare = "Hộ nghèo; các thành viên có thẻ bảo hiểm y tế, hai cháu được miễn học phí."
    advice.advice, advice.topics, advice.companions = [Advice.LOANS, Advice.LIVELIHOOD], ["policy"], []
    for day, note in LATER_VISITS:
        _nearest(visits, day).aspirations = note
    member, commander, liaison = users["demo-member"], users["demo-station"], users["demo-commune"]
    loan_key, case_key = ("loan", "sa-vong"), ("case", "sa-vong")
    step = agenda.add
    step(
        moment(date(2025, 12, 9), 17, 45),
        lambda: case_open(
            category=Category.LIVELIHOOD_LOANS,
            title=TITLE,
            description=DESCRIPTION,
            household=household,
            received_on=date(2025, 12, 9),
            source_visit=agenda.made[advice.key],
            acting_user=member,
        ),
        key=case_key,
    )
    step(
        moment(date(2025, 12, 9), 17, 50),
        lambda: benefit_record(
            acting_user=member,
            program=programs()[ProgramKind.LOAN],
            household=household,
            given_on=date(2025, 12, 9),
            loan_amount=LOAN,
            description=LOAN_PURPOSE,
        ),
        key=loan_key,
    )
    step(
        moment(date(2025, 12, 10), 9),
        lambda: case_propose(
            case=agenda.made[case_key],
            acting_user=member,
            note="Hộ nghèo có hai con đang đi học; chị Sà Vọng chịu khó, đã từng bán hàng rong. Đề nghị giúp hộ vay vốn.",
        ),
    )
    step(
        moment(date(2025, 12, 12), 14),
        lambda: case_plan(case=agenda.made[case_key], acting_user=commander, plan=PLAN),
    )
    step(
        moment(date(2025, 12, 15), 8, 30),
        lambda: case_refer(
            case=agenda.made[case_key],
            acting_user=commander,
            referred_to=ResponsibleBody.SOCIAL_POLICY_BANK,
            note="Hồ sơ đã gửi qua Tổ tiết kiệm và vay vốn ấp Âu Thọ A.",
        ),
    )
    for day, hour, status in [
        (date(2025, 12, 16), 10, LoanStatus.APPLIED),
        (date(2026, 1, 20), 9, LoanStatus.APPROVED),
        (date(2026, 1, 27), 9, LoanStatus.DISBURSED),
    ]:
        step(moment(day, hour), loan_step(agenda.made, loan_key, member, status, day))
    step(
        moment(date(2026, 1, 27), 15),
        lambda: case_resolve(
            case=agenda.made[case_key],
            acting_user=liaison,
            note="Ngân hàng Chính sách xã hội đã giải ngân 50 triệu đồng, thời hạn 60 tháng, tại điểm giao dịch xã.",
        ),
    )
    step(
        moment(date(2026, 1, 28), 16, 30),
        lambda: case_answer(
            case=agenda.made[case_key],
            acting_user=member,
            note="Đã báo cho hộ; chị Sà Vọng đã nhập hàng, mở tạp hóa kịp bán Tết.",
        ),
    )
    step(moment(date(2026, 2, 2), 8), lambda: case_close(case=agenda.made[case_key], acting_user=commander))
    step(moment(MID_YEAR_REVIEW, 10), lambda: _review(household))


def _nearest(visits: list[PlannedVisit], day: date) -> PlannedVisit:
    return min(visits, key=lambda v: (abs((v.day - day).days), v.at))


def _review(household: Household) -> PovertyAssessment:
    """The shop's income lifts the household, and two deprivations are gone: near-poor (NĐ 07/2021)."""
    before = household.assessments.order_by("-assessed_on", "-id").first()
    assert before is not None
    kept = [name for name in ("lacks_housing_quality", "lacks_sanitation") if getattr(before, name)]
    return poverty_assessment_record(
        household=household,
        assessed_on=MID_YEAR_REVIEW,
        income_per_head=1_380_000,
        deprivations=kept,
        area_type=before.area_type,
        note="Rà soát giữa năm: có thu nhập ổn định từ buôn bán nhỏ sau khi được vay vốn giải quyết việc làm.",
    )
