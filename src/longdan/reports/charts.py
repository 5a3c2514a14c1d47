"""Charts for the dashboard pages (SVG) and the report files (PNG), drawn with matplotlib.

    trend_chart({"Lượt thăm hộ": trend["series"]["visits"]}, labels=trend["months"], title="…")
    station_chart(board["stations"], field="coverage_percent", title="…", fmt="png")

Both return the image as bytes. Why like this:

- No pyplot: a `Figure` with the Agg canvas per call, never a GUI backend. Our style is
  applied with `rc_context`, which changes matplotlib's global settings for the time of
  the drawing, so drawings take turns (a lock): a chart takes a few tens of milliseconds.
- DejaVu Sans, which ships inside matplotlib, covers Vietnamese: the labels keep their
  diacritics on any machine, with no system font and no network.
- SVG text is drawn as paths and the SVG carries no date or random ids, so the same
  data gives the same bytes (a page can cache it; a test can compare it). An SVG from
  matplotlib styles its shapes with style attributes, which our CSP forbids inline in
  a page: show it with `<img src="{{ chart|… data URI }}">` (`data_uri`), which the
  CSP allows (img-src data:).
"""

import base64
import functools
import math
import threading
from collections.abc import Mapping, Sequence
from io import BytesIO
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from matplotlib.figure import Figure

Format = Literal["svg", "png"]

# The project's green (the top bar) first, then colours that stay apart in grey print.
PALETTE = ("#14532d", "#b45309", "#1d4ed8", "#9f1239", "#4d7c0f", "#6b21a8")
FONT = "DejaVu Sans"
WIDTH_IN = 7.0
PNG_DPI = 200
# A national scope has hundreds of stations: a bar chart shows the first ones, the table has them all.
MAX_BARS = 25

_LOCK = threading.Lock()


@functools.cache
def _matplotlib() -> ModuleType:
    """matplotlib, imported with the first chart rather than with this module.

    Django's checks import this module (through the dashboard's template tags) at the start
    of every `longdan` command and of the server; importing matplotlib there cost each of
    them about 2 s. The Agg backend is chosen before anything else of matplotlib is loaded:
    never a GUI backend.
    """
    import matplotlib

    matplotlib.use("Agg")
    return matplotlib


# Any: matplotlib types rc_context with a Literal of every key.
_STYLE: Any = {
    "font.family": FONT,
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#6b7280",
    "axes.grid": True,
    "grid.color": "#e5e7eb",
    "grid.linewidth": 0.6,
    "svg.fonttype": "path",
    # A fixed salt: the ids inside the SVG are the same for the same picture.
    "svg.hashsalt": "longdan",
}


def trend_chart(
    series: Mapping[str, Sequence[float | int | None]],
    *,
    title: str,
    labels: Sequence[str] | None = None,
    fmt: Format = "svg",
    kind: Literal["line", "bar"] = "line",
    unit: str = "",
) -> bytes:
    """Monthly series (e.g. 12 months of the rollup) as lines, or as grouped bars.

    `series` maps a legend label to its values, oldest first; None is a month with no
    figure (a gap, not a zero: e.g. tips the user may not see). `labels` name the months
    ("2026-10" is shown as "10/26"); by default 1, 2, 3 … `unit` is shown on the y axis.
    """
    with _LOCK, _matplotlib().rc_context(_STYLE):
        return _trend(series, title=title, labels=labels, fmt=fmt, kind=kind, unit=unit)


def _trend(
    series: Mapping[str, Sequence[float | int | None]],
    *,
    title: str,
    labels: Sequence[str] | None,
    fmt: Format,
    kind: str,
    unit: str,
) -> bytes:
    length = max((len(values) for values in series.values()), default=0)
    names = [_month_label(label) for label in labels] if labels else [str(i + 1) for i in range(length)]
    figure, axes = _figure(height=3.0)
    axes.set_title(title, loc="left")
    drawn = False
    count = max(len(series), 1)
    for index, (name, values) in enumerate(series.items()):
        ys = [math.nan if value is None else float(value) for value in values]
        if all(math.isnan(y) for y in ys):
            continue
        drawn = True
        colour = PALETTE[index % len(PALETTE)]
        if kind == "bar":
            width = 0.8 / count
            xs = [i - 0.4 + width * (index + 0.5) for i in range(len(ys))]
            axes.bar(xs, [0 if math.isnan(y) else y for y in ys], width=width, color=colour, label=name)
        else:
            axes.plot(range(len(ys)), ys, marker="o", markersize=3, linewidth=1.8, color=colour, label=name)
    axes.set_xticks(range(len(names)), names)
    axes.set_xlim(-0.6, max(len(names) - 0.4, 0.4))
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axes.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True, min_n_ticks=1))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: number(value)))
    axes.set_ylim(bottom=0)
    if unit:
        axes.set_ylabel(unit)
    if not drawn:
        _no_data(axes)
    elif len(series) > 1:
        axes.legend(frameon=False, loc="upper left", bbox_to_anchor=(0, -0.12), ncols=min(len(series), 3))
    return _render(figure, fmt)


def station_chart(
    rows: Sequence[Mapping[str, Any]],
    *,
    field: str,
    title: str,
    fmt: Format = "svg",
    label_field: str = "name",
    unit: str = "",
    limit: int = MAX_BARS,
) -> bytes:
    """One horizontal bar per row (station, member …) for `rows[i][field]`, largest first.

    Rows whose value is None (not applicable, or not visible to the user) are left out;
    past `limit` rows only the largest are drawn and the title says how many of all.
    A field ending in "percent" gets a 0–100 axis.
    """
    with _LOCK, _matplotlib().rc_context(_STYLE):
        return _stations(
            rows, field=field, title=title, fmt=fmt, label_field=label_field, unit=unit, limit=limit
        )


def _stations(
    rows: Sequence[Mapping[str, Any]],
    *,
    field: str,
    title: str,
    fmt: Format,
    label_field: str,
    unit: str,
    limit: int,
) -> bytes:
    values = [(str(row[label_field]), float(row[field])) for row in rows if row.get(field) is not None]
    values.sort(key=lambda pair: (-pair[1], pair[0]))
    shown = values[:limit]
    if len(values) > limit:
        title = f"{title} ({len(shown)}/{len(values)})"
    figure, axes = _figure(height=max(1.6, 0.75 + 0.28 * len(shown)))
    axes.set_title(title, loc="left")
    axes.grid(axis="y", visible=False)
    if shown:
        positions = range(len(shown))
        bars = axes.barh(positions, [v for _n, v in shown], color=PALETTE[0], height=0.65)
        axes.set_yticks(positions, [_shorten(n) for n, _v in shown])
        axes.invert_yaxis()
        axes.bar_label(bars, labels=[number(v) for _n, v in shown], padding=3, fontsize=8)
        top = max(v for _n, v in shown)
        axes.set_xlim(0, 100 * 1.12 if field.endswith("percent") else max(top * 1.15, 1))
        from matplotlib.ticker import FuncFormatter

        axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: number(value)))
    else:
        axes.set_yticks([])
        _no_data(axes)
    if unit:
        axes.set_xlabel(unit)
    return _render(figure, fmt)


def data_uri(image: bytes, fmt: Format = "svg") -> str:
    """The image as a data: URI, for `<img src>` under our CSP (img-src allows data:)."""
    mime = "image/svg+xml" if fmt == "svg" else "image/png"
    return f"data:{mime};base64,{base64.b64encode(image).decode()}"


def number(value: float | int) -> str:
    """A figure the Vietnamese way: 1.234.567 and 12,5 (the dashboard and the files say it alike)."""
    if isinstance(value, float) and not value.is_integer():
        whole, _dot, decimals = f"{value:,.1f}".partition(".")
        return f"{whole.replace(',', '.')},{decimals}"
    return f"{round(value):,}".replace(",", ".")


# --- drawing ---


def _figure(*, height: float) -> tuple["Figure", Any]:
    _matplotlib()  # the backend first
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_IN, height), layout="constrained")
    FigureCanvasAgg(figure)
    return figure, figure.add_subplot()


def _render(figure: "Figure", fmt: Format) -> bytes:
    if fmt not in ("svg", "png"):
        raise ValueError(f"unknown chart format {fmt!r}: svg or png")
    buffer = BytesIO()
    # No dates or software names in the file: the same figures give the same bytes.
    metadata: dict[str, Any] = {"Date": None, "Creator": None} if fmt == "svg" else {"Software": None}
    figure.savefig(buffer, format=fmt, dpi=PNG_DPI, metadata=metadata, facecolor="white")
    return buffer.getvalue()


def _no_data(axes: Any) -> None:
    from django.utils.translation import gettext as _

    axes.text(
        0.5,
        0.5,
        _("No data"),
        transform=axes.transAxes,
        ha="center",
        va="center",
        color="#6b7280",
        fontsize=10,
    )


def _month_label(label: str) -> str:
    """ "2026-10" → "10/26"; anything else as it is."""
    year, dash, month = label.partition("-")
    if dash and year.isdigit() and month.isdigit() and len(year) == 4:
        return f"{int(month):02d}/{year[2:]}"
    return label


def _shorten(name: str, width: int = 34) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


__all__ = ["data_uri", "number", "station_chart", "trend_chart"]
