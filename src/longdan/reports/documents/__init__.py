"""Report files: "Báo cáo kết quả thực hiện mô hình đảng viên Đồn Biên phòng phụ trách hộ gia đình"
for a scope and a period, as .xlsx, .docx (Decree 30/2020/NĐ-CP layout) or PDF.

    render_report(scope=scope, period=Period.parse("2026-10"), fmt="docx", user=request.user)

One content builder (`content.build_content`) feeds the three writers, so the files say the
same; the figures are the dashboard's (`data.report_data`).
"""

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import override

from ..periods import Period
from ..scope import ReportScope
from .content import LANGUAGE, ReportContent, build_content
from .data import members_in_charge_by_station, report_data, report_lists

FORMATS = ("xlsx", "docx", "pdf")

Progress = Callable[[int, str], None]


class ReportFormatError(ValueError):
    pass


def render_report(
    *,
    scope: ReportScope,
    period: Period,
    fmt: str,
    user: Any = None,
    recipients: list[str] | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The report file's bytes. `user` None: as the system, seeing everything in `scope`.

    `progress(percent, what)` is called as the work goes on (indicators, lists, charts, file).
    """
    if fmt not in FORMATS:
        raise ReportFormatError(_("Unknown format “%(format)s”: choose xlsx, docx or pdf.") % {"format": fmt})

    def step(percent: int, what: str) -> None:
        if progress is not None:
            progress(percent, what)

    with override(LANGUAGE):
        step(5, _("Computing the indicators"))
        content = report_content(
            scope=scope, period=period, fmt=fmt, user=user, recipients=recipients, progress=step
        )
        step(85, _("Writing the file"))
        if fmt == "xlsx":
            from .xlsx import write_xlsx

            data = write_xlsx(content)
        elif fmt == "docx":
            from .docx import write_docx

            data = write_docx(content)
        else:
            from .pdf import write_pdf

            data = write_pdf(content)
        step(100, _("Done"))
    return data


def report_content(
    *,
    scope: ReportScope,
    period: Period,
    fmt: str = "docx",
    user: Any = None,
    recipients: list[str] | None = None,
    progress: Progress | None = None,
) -> ReportContent:
    """The content of the report; the lists behind the figures only for the workbook, which shows them."""
    data = report_data(scope=scope, period=period, user=user)
    lists, members = [], {}
    if fmt == "xlsx":
        if progress:
            progress(40, _("Reading the lists behind the figures"))
        lists, members = report_lists(scope, period), members_in_charge_by_station(scope, period)
    if progress:
        progress(60, _("Drawing the charts"))
    return build_content(
        scope=scope,
        period=period,
        data=data,
        lists=lists,
        station_members=members,
        user=user,
        recipients=recipients,
        progress=progress,
    )


__all__ = ["FORMATS", "ReportContent", "ReportFormatError", "render_report", "report_content"]
