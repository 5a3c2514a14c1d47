"""Charts: SVG for the pages, PNG for the files, the same picture for the same figures, Vietnamese intact."""

import io
import warnings

import pytest
from PIL import Image

from longdan.reports import charts

MONTHS = ["2025-11", "2025-12", *[f"2026-{m:02d}" for m in range(1, 11)]]


def test_a_trend_chart_is_an_svg_with_no_date_and_the_same_for_the_same_figures():
    series = {"Lượt thăm hộ": [3, 5, 8, None, 13, 21, 34, 55, 89, 144, 233, 377]}
    first = charts.trend_chart(series, labels=MONTHS, title="Xu hướng 12 tháng")
    assert first.startswith(b"<?xml") and b"<svg" in first
    assert b"<dc:date>" not in first
    assert first == charts.trend_chart(series, labels=MONTHS, title="Xu hướng 12 tháng")
    assert first != charts.trend_chart(series, labels=MONTHS, title="Xu hướng 12 tháng gần nhất")


def test_vietnamese_labels_are_drawn_with_a_font_that_has_them():
    # matplotlib warns "Glyph … missing from font(s) …" for a letter its font lacks (Khmer would).
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = charts.trend_chart(
            {"Phản ánh, kiến nghị đã giải quyết": [1, 2], "Hộ được thăm": [2, 1]},
            labels=["2026-09", "2026-10"],
            title="Đồn Biên phòng Vĩnh Hải — Hộ nghèo, cận nghèo",
            fmt="png",
        )
    assert not [str(warning.message) for warning in caught if "missing from font" in str(warning.message)]
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size[0] >= 1000


def test_a_series_with_no_figure_says_so_instead_of_a_zero_line():
    svg = charts.trend_chart({"Tin báo": [None] * 12}, labels=MONTHS, title="Tin báo", fmt="svg")
    assert svg.startswith(b"<?xml")


def test_the_station_chart_leaves_out_rows_without_a_figure_and_caps_the_bars():
    rows = [{"name": f"Đồn {i}", "coverage_percent": float(i)} for i in range(40)]
    rows.append({"name": "Đồn không rõ", "coverage_percent": None})
    png = charts.station_chart(rows, field="coverage_percent", title="Tỷ lệ", fmt="png", limit=10)
    small = charts.station_chart(rows[:3], field="coverage_percent", title="Tỷ lệ", fmt="png")
    assert Image.open(io.BytesIO(png)).size[1] > Image.open(io.BytesIO(small)).size[1]


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError):
        charts.trend_chart({"a": [1]}, title="x", fmt="gif")  # type: ignore[arg-type]


def test_figures_are_written_the_vietnamese_way():
    assert charts.number(1234567) == "1.234.567"
    assert charts.number(66.7) == "66,7"
    assert charts.number(100.0) == "100"
    assert charts.data_uri(b"<svg/>").startswith("data:image/svg+xml;base64,")
