"""Report files on the hand-built month (conftest.dataset): the workbook's figures are the dashboard's,
the document has the layout of Decree 30/2020/NĐ-CP, and the PDF shows its Vietnamese on the page.

The first page of the PDF is kept as an image under test-artifacts/reports/ to look at.
"""

import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from docx import Document
from PIL import Image, ImageStat

from longdan.reports.documents import render_report, report_content
from longdan.reports.documents.content import date_words, signer
from longdan.reports.documents.rows import figures
from longdan.reports.periods import Period
from longdan.reports.scope import ReportScope
from longdan.reports.selectors import dashboard

pytestmark = pytest.mark.django_db

OCTOBER = Period.month(2026, 10)
ARTIFACTS = Path(settings.PROJECT_DIR) / "test-artifacts" / "reports"


def indicator_sheet(workbook: openpyxl.Workbook) -> dict[str, tuple]:
    """{indicator key: (this period, previous period)} read from the first sheet, by the key column."""
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    header = next(index for index, row in enumerate(rows) if row[5] == "Mã chỉ tiêu")
    assert rows[header][3:5] == ("Tháng 10/2026", "Tháng 09/2026")
    return {row[5]: (row[3], row[4]) for row in rows[header + 1 :] if row[5]}


def lookup(indicators: dict, key: str, which: str):
    name, _dot, rest = key.partition(".")
    value = indicators[name][which]
    for part in rest.split(".") if rest else []:
        value = value[part]
    return value


def test_the_workbook_opens_and_its_figures_are_the_dashboards(dataset):
    w = dataset.world
    scope = ReportScope.for_unit(w.command, user=w.province_user)
    data = render_report(scope=scope, period=OCTOBER, fmt="xlsx", user=w.province_user)
    workbook = openpyxl.load_workbook(BytesIO(data))
    board = dashboard(user=w.province_user, scope=scope, period=OCTOBER)

    found = indicator_sheet(workbook)
    assert len(found) > 30
    for key, (current, previous) in found.items():
        assert current == lookup(board["indicators"], key, "current"), key
        assert previous == lookup(board["indicators"], key, "previous"), key
    # A few read by hand from the dataset's story (conftest): October, province-wide.
    assert found["visits.visits"] == (6, 0)
    assert found["household_coverage.percent"][0] == 75.0
    assert found["support_given.total_value"] == (48_500_000, 0)
    assert not any(key.startswith("tips.") for key in found)  # a province command sees no tips

    assert workbook.sheetnames[:4] == ["Chỉ tiêu", "Các đồn", w.station_a.name, w.station_b.name]
    stations = workbook["Các đồn"]
    rows = {
        row[1]: row
        for row in stations.iter_rows(values_only=True)
        if row[1] in (w.station_a.code, w.station_b.code)
    }
    a = rows[w.station_a.code]
    expected = next(row for row in board["stations"] if row["code"] == w.station_a.code)
    assert (a[3], a[4], a[5], a[8]) == (
        expected["households"], expected["covered"], expected["coverage_percent"], expected["visits"]
    )  # fmt: skip


def test_the_workbook_lists_the_records_behind_the_figures(dataset):
    w = dataset.world
    scope = ReportScope.for_unit(w.command, user=w.province_user)
    workbook = openpyxl.load_workbook(
        BytesIO(render_report(scope=scope, period=OCTOBER, fmt="xlsx", user=w.province_user))
    )

    def body(name: str) -> list[tuple]:
        sheet = workbook[name]
        rows = list(sheet.iter_rows(values_only=True))
        start = next(i for i, row in enumerate(rows) if row[0] and row[1] and i > 3)
        return [row for row in rows[start + 1 :] if row[0] is not None]

    overdue = body("Phản ánh, kiến nghị quá hạn")
    assert len(overdue) == 2  # petitions_overdue on 31/10
    without = body("Hộ chưa có đảng viên")
    assert [row[1] for row in without] == [dataset.household_a3.head_name]
    support = body("Lượt hỗ trợ")
    # support_given: s1, s4, s2 and the loan disbursed on 20/10 (valued at its amount).
    assert len(support) == 4 and sum(row[4] for row in support) == 33_500_000
    assert sum(row[5] or 0 for row in support) == 30_000_000
    events = body("Hoạt động hỗ trợ")
    assert [(row[4], row[5]) for row in events] == [(120, 15_000_000)]
    # A station's sheet: its members in charge, then its part of the lists.
    station = [row for row in workbook[w.station_a.name].iter_rows(values_only=True) if row[0]]
    names = [row[0] for row in station]
    assert w.member_a.full_name in names and w.member_b.full_name not in names


def test_a_commune_liaison_gets_only_their_commune(dataset):
    w = dataset.world
    scope = ReportScope.for_user(w.liaison_b)
    workbook = openpyxl.load_workbook(
        BytesIO(render_report(scope=scope, period=OCTOBER, fmt="xlsx", user=w.liaison_b))
    )
    found = indicator_sheet(workbook)
    assert found["household_coverage.households"][0] == 1
    assert found["visits.visits"][0] == 1
    without = [row for row in workbook["Hộ chưa có đảng viên"].iter_rows(values_only=True)]
    assert dataset.household_a3.head_name not in {cell for row in without for cell in row}


def test_the_document_follows_decree_30(dataset):
    w = dataset.world
    scope = ReportScope.for_unit(w.station_a, user=w.commander_a)
    document = Document(BytesIO(render_report(scope=scope, period=OCTOBER, fmt="docx", user=w.commander_a)))

    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert (round(section.top_margin.mm), round(section.bottom_margin.mm)) == (20, 20)
    assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (30, 15)
    assert document.styles["Normal"].font.name == "Times New Roman"

    header = document.tables[0]
    issuer, nation = (cell.text.strip().splitlines() for cell in header.rows[0].cells)
    assert issuer == ["BỘ CHỈ HUY BĐBP SÓC TRĂNG", "ĐỒN BIÊN PHÒNG VĨNH HẢI"]
    assert nation == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    number, place_date = (cell.text for cell in header.rows[1].cells)
    assert number.startswith("Số:") and number.endswith("/BC-ĐBP")
    # The dataset's clock stands at 20/11/2026; the station's first commune names the place.
    assert place_date == "Vĩnh Hải, ngày 20 tháng 11 năm 2026"
    assert header.rows[1].cells[1].paragraphs[0].runs[0].italic

    texts = [paragraph.text for paragraph in document.paragraphs]
    title = texts.index("BÁO CÁO")
    assert texts[title + 1] == "Kết quả thực hiện mô hình “Đảng viên Đồn Biên phòng phụ trách hộ gia đình”"
    assert texts[title + 2] == "Tháng 10/2026"
    assert "I. TÌNH HÌNH CHUNG" in texts and "II. KẾT QUẢ THỰC HIỆN" in texts
    assert len(document.inline_shapes) == 2  # the two 12-month charts (one station: no station chart)

    indicators = document.tables[1]
    assert [cell.text for cell in indicators.rows[0].cells][-2:] == ["Tháng 10/2026", "Tháng 09/2026"]
    visits = next(row for row in indicators.rows if row.cells[1].text == "Lượt thăm hộ")
    assert visits.cells[3].text == "5"

    closing = document.tables[-1]
    recipients, signature = closing.rows[0].cells
    assert recipients.paragraphs[0].text == "Nơi nhận:"
    assert "- Bộ Chỉ huy BĐBP Sóc Trăng (để báo cáo);" in recipients.text
    assert signature.paragraphs[0].text == "ĐỒN TRƯỞNG"


def test_the_signature_is_the_requesters_when_they_belong_to_the_unit(dataset):
    w = dataset.world
    w.member_a.position = "Đồn trưởng"
    w.member_a.save()
    w.member_user.refresh_from_db()
    assert signer(w.station_a, w.member_user) == ("Đồn trưởng", "Thiếu úy Nguyễn Thiên Phú")
    # Without a requester of the unit: the member whose position is the head's, else the title alone.
    assert signer(w.station_a, None) == ("Đồn trưởng", "Thiếu úy Nguyễn Thiên Phú")
    assert signer(w.station_b, w.member_user) == ("Đồn trưởng", "")


def test_dates_in_words_follow_the_decree():
    from datetime import date

    assert date_words(date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"
    assert date_words(date(2026, 11, 20)) == "ngày 20 tháng 11 năm 2026"


def test_the_pdf_has_the_documents_content_and_shows_its_vietnamese(dataset):
    """The .docx and the PDF come from one content builder: the PDF is that document rendered. Its first
    page, as an image, is not blank, and its text keeps the diacritics."""
    assert shutil.which("pdftoppm") and shutil.which("pdftotext"), "make test installs poppler-utils"
    w = dataset.world
    scope = ReportScope.for_unit(w.command, user=w.province_user)
    pdf = render_report(scope=scope, period=OCTOBER, fmt="pdf", user=w.province_user)
    docx = Document(BytesIO(render_report(scope=scope, period=OCTOBER, fmt="docx", user=w.province_user)))
    assert pdf.startswith(b"%PDF")

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "report.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
         str(ARTIFACTS / "report.pdf"), str(ARTIFACTS / "report-page-1")],
        check=True, timeout=120,
    )  # fmt: skip
    page = Image.open(ARTIFACTS / "report-page-1.png").convert("L")
    assert page.size[0] > 400
    stats = ImageStat.Stat(page)
    assert stats.stddev[0] > 20, "the first page is blank"
    dark = sum(page.histogram()[:128]) / (page.size[0] * page.size[1])
    assert 0.01 < dark < 0.5, f"{dark:.1%} of the page is ink"

    text = subprocess.run(
        ["pdftotext", str(ARTIFACTS / "report.pdf"), "-"], check=True, capture_output=True, timeout=120
    ).stdout.decode()
    first_page = text.split("\f")[0]
    for words in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO",
                  "Đảng viên Đồn Biên phòng phụ trách hộ gia đình", "ngày 20 tháng 11 năm 2026"):  # fmt: skip
        assert words in " ".join(first_page.split()), words
    flat = " ".join(text.split())
    # Every line of the document's body is in the PDF: headings, figures, recipients, signature.
    for paragraph in docx.paragraphs:
        if paragraph.text.strip() and not paragraph.text.startswith("....."):
            assert " ".join(paragraph.text.split()) in flat, paragraph.text
    for row in docx.tables[1].rows[1:]:
        assert row.cells[1].text in flat
    assert "Nơi nhận:" in flat and "CHỈ HUY TRƯỞNG" in flat


def test_the_document_rows_and_the_workbook_rows_are_the_same(dataset):
    w = dataset.world
    content = report_content(scope=ReportScope.for_unit(w.station_a), period=OCTOBER, fmt="xlsx")
    keys = [row.key for row in figures(content.rows)]
    assert keys[:3] == ["members_in_charge", "household_coverage.households", "household_coverage.covered"]
    assert "tips.received" in keys  # the system sees every tip of the station
    assert len(keys) == len(set(keys))
