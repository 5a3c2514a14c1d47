"""The report as an Excel workbook (openpyxl):

- "Chỉ tiêu": the indicator table, this period and the previous one side by side, as numbers
  (a figure is the dashboard's own: the last column names it, e.g. household_coverage.covered),
  with the charts beside it;
- "Đơn vị": the stations side by side (the dashboard's station rows);
- one sheet per station: its figures and the members in charge of its households;
- one sheet per list behind the figures (overdue petitions, households without a member,
  support given, support events).
"""

import re
from io import BytesIO
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.drawing.image import Image as SheetImage
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .content import ReportContent
from .data import Listing
from .rows import DECIMAL, PERCENT, VND, tips_note

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)
MUTED = Font(color="6B7280", size=9)
HEADER_FILL = PatternFill("solid", fgColor="E7F0EA")
FORMATS = {PERCENT: "0.0", DECIMAL: "0.00", VND: "#,##0"}
INTEGER = "#,##0"
DATE = "DD/MM/YYYY"
# Excel's own limits on a sheet name.
_SHEET_NAME_MAX = 31
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")

# The station rows' columns, in order, with their headings.
STATION_COLUMNS: list[tuple[str, Any]] = [
    ("households", gettext_lazy("Households")),
    ("covered", gettext_lazy("With a member in charge")),
    ("coverage_percent", gettext_lazy("With a member (%)")),
    ("within_cadence", gettext_lazy("Visited within cadence")),
    ("within_cadence_percent", gettext_lazy("Within cadence (%)")),
    ("visits", gettext_lazy("Visits")),
    ("households_visited", gettext_lazy("Households visited")),
    ("cases_received", gettext_lazy("Petitions received")),
    ("cases_resolved", gettext_lazy("Petitions resolved")),
    ("cases_overdue", gettext_lazy("Petitions overdue")),
    ("tips_received", gettext_lazy("Tips received")),
    ("benefits", gettext_lazy("Support given")),
    ("benefits_value", gettext_lazy("Value of support (VND)")),
    ("loans_disbursed", gettext_lazy("Loans disbursed")),
    ("meetings", gettext_lazy("Cell meetings")),
    ("meeting_attendances", gettext_lazy("Cell meeting attendances")),
]


def write_xlsx(content: ReportContent) -> bytes:
    workbook = Workbook()
    names: set[str] = set()
    _indicator_sheet(workbook.worksheets[0], content, _sheet_name(_("Indicators"), names))
    if content.data["stations"]:
        _stations_sheet(workbook.create_sheet(_sheet_name(_("Stations"), names)), content)
        for row in content.data["stations"]:
            _station_sheet(workbook.create_sheet(_sheet_name(row["name"], names)), content, row)
    for listing in content.lists:
        _list_sheet(workbook.create_sheet(_sheet_name(listing.sheet, names)), content, listing)
    properties = workbook.properties
    properties.title = f"{content.kind} {content.subject} — {content.period_line}"
    properties.subject = content.scope.label
    properties.creator = content.issuing_body
    properties.language = "vi-VN"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- sheets ---


def _indicator_sheet(sheet: Worksheet, content: ReportContent, title: str) -> None:
    sheet.title = title
    row = _heading(sheet, content)
    period, previous = content.data["period"], content.data["previous_period"]
    headers = [_("No."), _("Indicator"), _("Unit"), period["label"], previous["label"], _("Indicator key")]
    _header_row(sheet, row, headers)
    first = row + 1
    for offset, line in enumerate(content.rows):
        current = first + offset
        sheet.cell(current, 1, line.number)
        sheet.cell(current, 2, line.label)
        if line.is_heading:
            sheet.cell(current, 2).font = BOLD
            sheet.cell(current, 1).font = BOLD
            continue
        sheet.cell(current, 3, line.unit)
        for column, value in ((4, line.current), (5, line.previous)):
            cell = sheet.cell(current, column, value)
            cell.number_format = FORMATS.get(line.kind, INTEGER)
        sheet.cell(current, 6, line.key).font = MUTED
    last = first + len(content.rows)
    if note := tips_note(content.data):
        sheet.cell(last + 1, 2, note).font = Font(italic=True)
    _widths(sheet, [7, 52, 10, 16, 16, 36])
    sheet.freeze_panes = sheet.cell(first, 3).coordinate
    # The charts to the right of the table, one under the other.
    anchor_row = first
    for key in ("visits", "petitions", "coverage"):
        if key in content.charts:
            image = _image(content.charts[key], width_px=620)
            sheet.add_image(image, f"H{anchor_row}")
            anchor_row += int(image.height / 20) + 2


def _stations_sheet(sheet: Worksheet, content: ReportContent) -> None:
    row = _heading(sheet, content, _("Stations side by side"))
    headers = [_("Station"), _("Code"), _("Provincial command")] + [
        str(label) for _key, label in STATION_COLUMNS
    ]
    _header_row(sheet, row, headers)
    for offset, station in enumerate(content.data["stations"], start=1):
        values = [station["name"], station["code"], station["province_command"]]
        values += [station[key] for key, _label in STATION_COLUMNS]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row + offset, column, value)
            if column > 3:
                cell.number_format = "0.0" if STATION_COLUMNS[column - 4][0].endswith("percent") else INTEGER
    _widths(sheet, [32, 12, 30] + [14] * len(STATION_COLUMNS))
    sheet.freeze_panes = sheet.cell(row + 1, 2).coordinate
    sheet.auto_filter.ref = f"A{row}:{get_column_letter(len(headers))}{row + len(content.data['stations'])}"
    if "coverage" in content.charts:
        sheet.add_image(
            _image(content.charts["coverage"], width_px=620), f"B{row + len(content.data['stations']) + 3}"
        )


def _station_sheet(sheet: Worksheet, content: ReportContent, station: dict[str, Any]) -> None:
    row = _heading(sheet, content, station["name"])
    _header_row(sheet, row, [_("Figure"), content.data["period"]["label"]])
    for offset, (key, label) in enumerate(STATION_COLUMNS, start=1):
        sheet.cell(row + offset, 1, str(label))
        cell = sheet.cell(row + offset, 2, station[key])
        cell.number_format = "0.0" if key.endswith("percent") else INTEGER
    row += len(STATION_COLUMNS) + 2
    members = content.station_members.get(station["station_id"], [])
    sheet.cell(row, 1, _("Members in charge of households")).font = BOLD
    row += 1
    _header_row(sheet, row, [_("Member"), _("Rank"), _("Position"), _("Households in charge"), _("Visits")])
    for values in members:
        row += 1
        for column, value in enumerate(values, start=1):
            sheet.cell(row, column, value)
    if not members:
        row += 1
        sheet.cell(row, 1, _("None")).font = MUTED
    # The station's part of each list, under its members.
    for listing in content.lists:
        pairs = zip(listing.rows, listing.station_ids, strict=True)
        mine = [values for values, station_id in pairs if station_id == station["station_id"]]
        if not mine:
            continue
        row += 2
        sheet.cell(row, 1, f"{listing.title} ({len(mine)})").font = BOLD
        row += 1
        _header_row(sheet, row, listing.columns)
        for values in mine:
            row += 1
            _list_row(sheet, row, values, listing)
    _widths(sheet, [40, 22, 26, 18, 16, 16, 14, 18, 26])


def _list_sheet(sheet: Worksheet, content: ReportContent, listing: Listing) -> None:
    row = _heading(sheet, content, f"{listing.title} ({len(listing.rows)})")
    _header_row(sheet, row, listing.columns)
    for offset, values in enumerate(listing.rows, start=1):
        _list_row(sheet, row + offset, values, listing)
    if not listing.rows:
        sheet.cell(row + 1, 1, _("None")).font = MUTED
    else:
        sheet.auto_filter.ref = f"A{row}:{get_column_letter(len(listing.columns))}{row + len(listing.rows)}"
    sheet.freeze_panes = sheet.cell(row + 1, 1).coordinate
    _widths(sheet, [36, 22, 26, 20, 14, 14, 14, 20, 28][: len(listing.columns)])


# --- pieces ---


def _heading(sheet: Worksheet, content: ReportContent, subtitle: str = "") -> int:
    """The report's title, scope and period at the top of a sheet; returns the header row's number."""
    sheet.cell(1, 1, f"{content.kind} {content.subject}").font = TITLE
    sheet.cell(2, 1, f"{content.scope.label} — {content.period_line}").font = BOLD
    period = content.data["period"]
    line = _("From %(start)s to %(end)s; generated %(at)s") % {
        "start": _dmy(period["start"]),
        "end": _dmy(period["end"]),
        "at": f"{content.generated_at:%d/%m/%Y %H:%M}",
    }
    sheet.cell(3, 1, line).font = MUTED
    if subtitle:
        sheet.cell(4, 1, subtitle).font = BOLD
        return 6
    return 5


def _header_row(sheet: Worksheet, row: int, titles: list[str]) -> None:
    for column, title in enumerate(titles, start=1):
        cell = sheet.cell(row, column, title)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _list_row(sheet: Worksheet, row: int, values: list[Any], listing: Listing) -> None:
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row, column, value)
        if hasattr(value, "isoformat"):
            cell.number_format = DATE
        elif column - 1 in listing.money:
            cell.number_format = INTEGER


def _widths(sheet: Worksheet, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _image(png: bytes, *, width_px: int) -> SheetImage:
    image = SheetImage(BytesIO(png))
    ratio = width_px / image.width
    image.width, image.height = width_px, int(image.height * ratio)
    return image


def _sheet_name(wanted: str, taken: set[str]) -> str:
    """A valid, unique sheet name: no []:*?/\\, at most 31 characters, numbered when taken."""
    base = _SHEET_NAME_BAD.sub(" ", str(wanted)).strip()[:_SHEET_NAME_MAX] or "Sheet"
    name, number = base, 2
    while name.lower() in taken:
        suffix = f" ({number})"
        name = base[: _SHEET_NAME_MAX - len(suffix)] + suffix
        number += 1
    taken.add(name.lower())
    return name


def _dmy(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"
