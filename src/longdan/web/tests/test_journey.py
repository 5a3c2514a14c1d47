"""One petition's whole journey, in a real browser: from a visit on a phone to the answer carried back.

The member finds Thạch Thị Sà Vọng by typing "sa vong", logs a visit and opens a petition
from it, and puts it to the command; the station commander (office screen, password and
code) plans it and refers it to the commune; the commune's liaison marks it resolved; the
member records the answer to the household; her card's timeline shows every step. Each
step leaves a screenshot in test-artifacts/journey/ for a person to look at.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from longdan.cases.models import Case, CaseState
from longdan.fieldwork.models import Visit
from longdan.testing.auth import totp_code, totp_device_for

pytestmark = pytest.mark.browser

PASSWORD = "secret-pass-123"
WISH = "Chị muốn vay vốn giải quyết việc làm để mở tạp hóa nhỏ tại nhà."
PLAN = "Hướng dẫn hộ lập hồ sơ vay vốn; đề nghị UBND xã xác nhận và giới thiệu Ngân hàng Chính sách xã hội."
RESOLVED = "UBND xã đã xác nhận hồ sơ; Ngân hàng Chính sách xã hội đồng ý cho vay 50 triệu đồng."
ANSWER = "Đã báo cho chị Sà Vọng; hộ sẽ nhận tiền vay tại điểm giao dịch xã."


@pytest.fixture
def shots(request: pytest.FixtureRequest) -> Path:
    path = request.config.rootpath / "test-artifacts" / "journey"
    path.mkdir(parents=True, exist_ok=True)
    for old in path.glob("*.png"):
        old.unlink()
    return path


def log_in(page: Page, url: str, username: str, *, code: str = "") -> None:
    page.goto(f"{url}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator(".login button[type=submit]").click()
    if code:
        expect(page).to_have_url(re.compile(r"/account/two-factor/"))
        page.fill("input[name=code]", code)
        page.locator(".login button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/login/|/two-factor/"))


def no_sideways_scroll(page: Page) -> None:
    width = page.viewport_size["width"] if page.viewport_size else 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"


def move(page: Page, action: str, **fields: str) -> None:
    """Open one of the petition's actions, fill its form and send it (htmx swaps the petition's body).

    Each action's form is prefixed with its name: the plan of "plan" is posted as "plan-plan".
    """
    box = page.locator(f"details.action-{action}")
    box.locator("summary").click()
    for name, value in fields.items():
        field = box.locator(f"[name={action}-{name}]")
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    box.locator("button[type=submit]").click()


def test_a_petition_from_a_visit_to_the_answer(live_server, phone_page, page, browser, shots, world):
    url, member = live_server.url, phone_page

    # The member, on a phone: find her by typing without diacritics, open her card, log a visit.
    log_in(member, url, "member-a")
    member.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Hộ gia đình").click()
    member.locator("input[name=q]").press_sequentially("sa vong", delay=40)
    found = member.locator("#results").get_by_role("link", name="Thạch Thị Sà Vọng")
    expect(found).to_be_visible()
    member.screenshot(path=shots / "01-member-finds-sa-vong.png", full_page=True)
    found.click()
    expect(member.locator("h1")).to_contain_text("Thạch Thị Sà Vọng")
    no_sideways_scroll(member)
    member.screenshot(path=shots / "02-household-card.png", full_page=True)

    member.get_by_role("link", name="Ghi thăm hộ").click()
    member.get_by_label("Tâm tư, nguyện vọng").fill(WISH)
    # The save button sticks to the bottom of the screen; at the end of the form it sits in its place.
    member.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    member.screenshot(path=shots / "03-visit-form.png", full_page=True)
    no_sideways_scroll(member)
    member.get_by_role("button", name="Lưu lần thăm hộ").click()
    expect(member.get_by_role("status")).to_contain_text("Đã lưu lần thăm hộ.")
    member.screenshot(path=shots / "04-visit-saved.png", full_page=True)
    visit = Visit.objects.get(household=world.household_a)

    # From the visit, the petition: its text starts from what the household asked.
    member.get_by_role("link", name="Tạo phản ánh, kiến nghị").click()
    expect(member.locator("textarea[name=description]")).to_have_value(WISH)
    member.locator("select[name=category]").select_option("livelihood_loans")
    member.locator("input[name=title]").fill("Xin hỗ trợ vay vốn để buôn bán nhỏ")
    no_sideways_scroll(member)
    member.screenshot(path=shots / "05-petition-form.png", full_page=True)
    member.get_by_role("button", name="Lưu phản ánh, kiến nghị").click()
    expect(member.locator(".lead .badge-state")).to_have_text("Đã tiếp nhận")
    case = Case.objects.get(household=world.household_a)
    assert case.source_visit == visit
    move(member, "propose")
    expect(member.locator(".lead .badge-state")).to_have_text("Đã báo cáo chỉ huy")
    no_sideways_scroll(member)
    member.screenshot(path=shots / "06-petition-put-to-the-command.png", full_page=True)

    # The station commander, at the office: password and code, the board, then plan and refer.
    device = totp_device_for(world.commander_a)
    log_in(page, url, "commander-a", code=totp_code(device))
    page.goto(f"{url}/cases/?state=proposed")
    row = page.locator("#board").get_by_role("link", name="Xin hỗ trợ vay vốn để buôn bán nhỏ")
    expect(row).to_be_visible()
    page.screenshot(path=shots / "07-commander-board.png", full_page=True)
    row.click()
    expect(page).to_have_url(f"{url}{case.get_absolute_url()}")
    move(page, "plan", plan=PLAN)
    expect(page.locator(".lead .badge-state")).to_have_text("Đã có kế hoạch giải quyết")
    page.screenshot(path=shots / "08-planned.png", full_page=True)
    move(page, "refer", referred_to="commune_committee")
    expect(page.locator(".lead .badge-state")).to_have_text("Đã chuyển cơ quan chức năng")
    page.screenshot(path=shots / "09-referred.png", full_page=True)

    # The commune's liaison: the petitions referred to the commune, then the result.
    liaison_context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    liaison = liaison_context.new_page()
    log_in(liaison, url, "liaison-a")
    liaison.goto(f"{url}/cases/commune/")
    waiting = liaison.get_by_role("link", name="Xin hỗ trợ vay vốn để buôn bán nhỏ")
    expect(waiting).to_be_visible()
    liaison.screenshot(path=shots / "10-commune-list.png", full_page=True)
    waiting.click()
    move(liaison, "resolve", note=RESOLVED)
    expect(liaison.locator(".lead .badge-state")).to_have_text("Đã giải quyết")
    liaison.screenshot(path=shots / "11-resolved-by-the-commune.png", full_page=True)
    liaison_context.close()

    # The member, back on the phone: the answer carried to the household.
    member.goto(f"{url}{case.get_absolute_url()}")
    move(member, "answer", note=ANSWER)
    expect(member.locator(".lead .badge-state")).to_have_text("Đã trả lời hộ dân")
    no_sideways_scroll(member)
    member.screenshot(path=shots / "12-answered.png", full_page=True)

    # Her card's timeline: the visit and every step of the petition, newest first.
    member.goto(f"{url}{world.household_a.get_absolute_url()}")
    timeline = member.locator("#timeline")
    for text in (
        "Tiếp nhận phản ánh, kiến nghị",
        "Đã tiếp nhận → Đã báo cáo chỉ huy",
        "Đã báo cáo chỉ huy → Đã có kế hoạch giải quyết",
        "Đã có kế hoạch giải quyết → Đã chuyển cơ quan chức năng",
        "Đã chuyển cơ quan chức năng → Đã giải quyết",
        "Đã giải quyết → Đã trả lời hộ dân",
        WISH,
        RESOLVED,
        ANSWER,
    ):
        expect(timeline).to_contain_text(text)
    expect(timeline.get_by_role("link", name="Đến thăm tại nhà")).to_be_visible()
    no_sideways_scroll(member)
    timeline.screenshot(path=shots / "13-timeline.png")

    case.refresh_from_db()
    assert case.state == CaseState.ANSWERED
    assert [e.to_state for e in case.events.order_by("at", "pk")] == [
        CaseState.RECEIVED,
        CaseState.PROPOSED,
        CaseState.PLANNED,
        CaseState.REFERRED,
        CaseState.RESOLVED,
        CaseState.ANSWERED,
    ]
