"""The content of a report, built once and written out as .docx or PDF (and, from the same
figures, as .xlsx): the administrative header of Decree 30/2020/NĐ-CP, the title, the body
(indicator table, charts, stations side by side) and the recipients and signature blocks.

The fixed words of the layout (the national motto, "BÁO CÁO", "Nơi nhận:", "Số:") are those
the decree prescribes and are written in Vietnamese whatever the interface language; the body
goes through gettext and is rendered in Vietnamese (`LANGUAGE`), the language of documents
sent up the line.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from longdan.org.models import Unit, UnitKind
from longdan.people.models import Member

from .. import charts
from ..periods import Period
from ..scope import ReportScope
from .data import Listing
from .rows import IndicatorRow, indicator_rows, lookup, tips_note

LANGUAGE = "vi"

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
KIND = "BÁO CÁO"
SUBJECT = "Kết quả thực hiện mô hình “Đảng viên Đồn Biên phòng phụ trách hộ gia đình”"
RECIPIENTS = "Nơi nhận:"
ARCHIVE = "Lưu: VT."
NUMBER_BLANK = "\u00a0" * 8

# The head of each kind of unit, who signs its reports; the abbreviation after "BC-" in the number.
HEAD: dict[str, str] = {
    UnitKind.HQ: "Tư lệnh",
    UnitKind.PROVINCE_COMMAND: "Chỉ huy trưởng",
    UnitKind.STATION: "Đồn trưởng",
    UnitKind.FLOTILLA: "Hải đội trưởng",
    UnitKind.TEAM: "Đội trưởng",
}
ABBREVIATION: dict[str, str] = {
    UnitKind.HQ: "BTL",
    UnitKind.PROVINCE_COMMAND: "BCH",
    UnitKind.STATION: "ĐBP",
    UnitKind.FLOTILLA: "HĐ",
    UnitKind.TEAM: "Đ",
}
_PLACE_PREFIXES = ("Thành phố ", "Tỉnh ", "Xã ", "Phường ", "Đặc khu ", "Thị trấn ", "Thị xã ")

Progress = Callable[[int, str], None]


@dataclass
class Paragraph:
    text: str
    style: str = "body"  # body | note | fill (a line left for the signer to write on)


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]
    widths: list[float]  # relative
    numeric: list[bool]  # right-aligned columns
    headings: set[int] = field(default_factory=set)  # rows shown bold (group headings)


@dataclass
class Image:
    png: bytes
    caption: str
    # Shown at most this wide (mm); the body of an A4 page with Decree 30 margins is 160 mm.
    width_mm: float = 160


@dataclass
class Section:
    heading: str
    blocks: list[Paragraph | Table | Image]


@dataclass
class ReportContent:
    """Everything a .docx or a PDF writes, in order; `data`, `rows` and `lists` for the .xlsx."""

    scope: ReportScope
    period: Period
    data: dict[str, Any]
    rows: list[IndicatorRow]
    lists: list[Listing]
    parent_body: str
    issuing_body: str
    number: str
    place_date: str
    period_line: str
    sections: list[Section]
    recipients: list[str]
    signer_position: str
    signer_name: str
    generated_at: Any
    charts: dict[str, bytes] = field(default_factory=dict)
    station_members: dict[int, list[list[Any]]] = field(default_factory=dict)

    @property
    def nation(self) -> str:
        return NATION

    @property
    def motto(self) -> str:
        return MOTTO

    @property
    def kind(self) -> str:
        return KIND

    @property
    def subject(self) -> str:
        return SUBJECT

    @property
    def recipients_heading(self) -> str:
        return RECIPIENTS


def build_content(
    *,
    scope: ReportScope,
    period: Period,
    data: dict[str, Any],
    lists: list[Listing],
    station_members: dict[int, list[list[Any]]] | None = None,
    user: Any = None,
    recipients: list[str] | None = None,
    issued_on: date | None = None,
    progress: Progress | None = None,
) -> ReportContent:
    """The report's content. Call it with Vietnamese active (`translation.override(LANGUAGE)`)."""
    issued_on = issued_on or timezone.localdate()
    unit = scope.unit
    rows = indicator_rows(data)
    report_charts = draw_charts(data, scope)
    if progress:
        progress(75, _("Charts drawn"))
    position, name = signer(unit, user)
    content = ReportContent(
        scope=scope,
        period=period,
        data=data,
        rows=rows,
        lists=lists,
        parent_body=(unit.parent.name.upper() if unit is not None and unit.parent else ""),
        issuing_body=(unit.name if unit is not None else scope.label).upper(),
        # The number is left blank for the office that registers the document (non-breaking spaces).
        number=f"Số: {NUMBER_BLANK}/BC-{ABBREVIATION.get(unit.kind, '') if unit is not None else ''}",
        place_date=f"{place_of(unit)}, {date_words(issued_on)}",
        period_line=period.label,
        sections=[],
        recipients=recipients or default_recipients(unit),
        signer_position=position.upper(),
        signer_name=name,
        generated_at=timezone.localtime(),
        charts=report_charts,
        station_members=station_members or {},
    )
    content.sections = _sections(content)
    return content


# --- header and signature ---


def date_words(day: date) -> str:
    """ "ngày 05 tháng 02 năm 2026": Decree 30 writes a 0 before days under 10 and months 1 and 2."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_of(unit: Unit | None) -> str:
    """Where the issuing unit sits, for the date line: a station's first commune, a command's province."""
    place = ""
    if unit is None:
        place = ""
    elif unit.kind == UnitKind.HQ:
        place = "Hà Nội"
    elif unit.kind == UnitKind.PROVINCE_COMMAND and unit.province_id and unit.province:
        place = unit.province.name
    else:
        link = unit.area_links.select_related("commune").order_by("pk").first()
        if link is not None:
            place = link.commune.name
    for prefix in _PLACE_PREFIXES:
        if place.startswith(prefix):
            place = place[len(prefix) :]
            break
    return place or "……"


def signer(unit: Unit | None, user: Any) -> tuple[str, str]:
    """(position, rank and name) of who signs: the requester when they are a member of the unit,
    else the unit's head when the register names one; else the head's title and no name."""
    if unit is None:
        return "", ""
    head = HEAD.get(unit.kind, "")
    member = getattr(user, "member", None) if user is not None else None
    if member is None or member.unit_id != unit.pk:
        member = (
            Member.objects.filter(unit=unit, position__iexact=head, status="active").order_by("pk").first()
            if head
            else None
        )
    if member is None:
        return head, ""
    return member.position or head, f"{member.get_rank_display()} {member.full_name}".strip()


def default_recipients(unit: Unit | None) -> list[str]:
    found = []
    if unit is not None and unit.parent is not None:
        found.append(f"{unit.parent.name} (để báo cáo);")
    return [*found, ARCHIVE]


# --- charts ---


def draw_charts(data: dict[str, Any], scope: ReportScope) -> dict[str, bytes]:
    """The report's charts as PNG: 12-month visits, 12-month petitions, and stations' coverage."""
    trend = data["trend"]
    drawn = {
        "visits": charts.trend_chart(
            {
                _("Visits"): trend["series"]["visits"],
                _("Households visited"): trend["series"]["households_visited"],
            },
            labels=trend["months"],
            title=_("Visits to households, last 12 months"),
            fmt="png",
        ),
        "petitions": charts.trend_chart(
            {
                _("Petitions received"): trend["series"]["cases_received"],
                _("Petitions resolved"): trend["series"]["cases_resolved"],
            },
            labels=trend["months"],
            title=_("Petitions, last 12 months"),
            fmt="png",
            kind="bar",
        ),
    }
    if len(data["stations"]) > 1:
        drawn["coverage"] = charts.station_chart(
            data["stations"],
            field="coverage_percent",
            title=_("Share of households with a member in charge, by station (%)"),
            fmt="png",
        )
    return drawn


# --- body ---


def _sections(content: ReportContent) -> list[Section]:
    data, period = content.data, content.period
    ind = data["indicators"]

    def figure(key: str) -> str:
        return charts.number(value) if (value := lookup(ind, key, "current")) is not None else "—"

    as_of = date.fromisoformat(ind["household_coverage"]["current"]["as_of"])
    situation: list[Paragraph | Table | Image] = [
        Paragraph(
            _(
                "Scope of the report: %(scope)s. Period: %(period)s (from %(start)s to %(end)s), "
                "compared with %(previous)s."
            )
            % {
                "scope": content.scope.label,
                "period": period.label,
                "start": f"{period.start:%d/%m/%Y}",
                "end": f"{period.end:%d/%m/%Y}",
                "previous": period.previous().label,
            }
        ),
        Paragraph(
            _(
                "On %(day)s, %(members)s party members were in charge of %(covered)s of the %(households)s "
                "households in the area (%(percent)s%%); %(without)s households had no member in charge."
            )
            % {
                "day": f"{as_of:%d/%m/%Y}",
                "members": figure("members_in_charge"),
                "covered": figure("household_coverage.covered"),
                "households": figure("household_coverage.households"),
                "percent": figure("household_coverage.percent"),
                "without": figure("household_coverage.without_member"),
            }
        ),
        Paragraph(
            _(
                "In the period, members made %(visits)s visits to %(visited)s households; %(received)s "
                "petitions were received and %(resolved)s resolved (%(on_time)s on time), and %(overdue)s "
                "were overdue at its end. Support reached households %(benefits)s times, worth %(value)s VND; "
                "%(events)s support events served %(people)s people."
            )
            % {
                "visits": figure("visits.visits"),
                "visited": figure("visits.households_visited"),
                "received": figure("petitions_received.received"),
                "resolved": figure("petitions_resolved.resolved"),
                "on_time": figure("petitions_resolved.on_time"),
                "overdue": figure("petitions_overdue"),
                "benefits": figure("support_given.benefits"),
                "value": figure("support_given.total_value"),
                "events": figure("support_given.events"),
                "people": figure("support_given.people_served"),
            }
        ),
    ]
    results: list[Paragraph | Table | Image] = [
        Table(
            columns=[_("No."), _("Indicator"), _("Unit"), period.label, period.previous().label],
            rows=[
                [row.number, row.label, row.unit, row.shown(row.current), row.shown(row.previous)]
                if not row.is_heading
                else [row.number, row.label, "", "", ""]
                for row in content.rows
            ],
            widths=[0.8, 5.2, 1.4, 1.6, 1.6],
            numeric=[False, False, False, True, True],
            headings={index for index, row in enumerate(content.rows) if row.is_heading},
        )
    ]
    if note := tips_note(data):
        results.append(Paragraph(note, style="note"))
    results += [
        Image(content.charts["visits"], _("Chart 1. Visits to households over the last 12 months")),
        Image(
            content.charts["petitions"], _("Chart 2. Petitions received and resolved over the last 12 months")
        ),
    ]
    sections = [
        Section(_("I. GENERAL SITUATION"), situation),
        Section(_("II. RESULTS"), results),
    ]
    if data["stations"]:
        sections.append(Section(_("III. RESULTS BY STATION"), _station_blocks(content)))
    # Lines for the command to write its assessment on (the figures cannot).
    lines_to_fill: list[Paragraph | Table | Image] = [Paragraph("", style="fill") for _line in range(4)]
    sections.append(
        Section(
            _("%(number)s. ASSESSMENT AND PROPOSALS") % {"number": "IV" if data["stations"] else "III"},
            lines_to_fill,
        )
    )
    return sections


def _station_blocks(content: ReportContent) -> list[Paragraph | Table | Image]:
    def shown(value: Any) -> str:
        return "—" if value is None else charts.number(value)

    stations = content.data["stations"]
    blocks: list[Paragraph | Table | Image] = [
        Table(
            columns=[
                _("Station"), _("Households"), _("With a member (%)"), _("Visits"),
                _("Petitions received"), _("Resolved"), _("Overdue"), _("Support (VND)"),
            ],
            rows=[
                [
                    row["name"], shown(row["households"]), shown(row["coverage_percent"]), shown(row["visits"]),
                    shown(row["cases_received"]), shown(row["cases_resolved"]), shown(row["cases_overdue"]),
                    shown(row["benefits_value"]),
                ]
                for row in stations
            ],
            widths=[3.6, 1.2, 1.4, 1.1, 1.4, 1.2, 1.1, 1.9],
            numeric=[False, *([True] * 7)],
        )
    ]  # fmt: skip
    if "coverage" in content.charts:
        blocks.append(
            Image(
                content.charts["coverage"],
                _("Chart 3. Share of households with a member in charge, by station"),
            )
        )
    return blocks
