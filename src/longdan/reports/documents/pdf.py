"""The report as PDF: the same content as the .docx, as HTML (reports/document.html) with
report.css, rendered by WeasyPrint. No office suite is needed, and the fonts are the
machine's (fontconfig): Noto Serif or DejaVu Serif, both with every Vietnamese letter.
"""

from pathlib import Path
from typing import Any

from django.template.loader import render_to_string

from ..charts import data_uri
from .content import Image, Paragraph, ReportContent, Table

STYLESHEET = Path(__file__).with_name("report.css")


def report_html(content: ReportContent) -> str:
    """The HTML WeasyPrint renders (also handy to look at in a browser)."""
    sections = [
        {"heading": section.heading, "blocks": [_block(block) for block in section.blocks]}
        for section in content.sections
    ]
    return render_to_string("reports/document.html", {"content": content, "sections": sections})


def write_pdf(content: ReportContent) -> bytes:
    # Imported here: WeasyPrint loads Pango when imported, which the rest of the app does not need.
    from weasyprint import CSS, HTML

    html = report_html(content)
    return HTML(string=html, base_url=str(STYLESHEET.parent)).write_pdf(
        stylesheets=[CSS(filename=str(STYLESHEET))]
    )


def _block(block: Paragraph | Table | Image) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"kind": "paragraph", "text": block.text, "style": block.style}
    if isinstance(block, Table):
        return {
            "kind": "table",
            "columns": block.columns,
            "rows": [
                {
                    "heading": index in block.headings,
                    "cells": [
                        {"text": text, "numeric": numeric}
                        for text, numeric in zip(values, block.numeric, strict=True)
                    ],
                }
                for index, values in enumerate(block.rows)
            ],
        }
    return {"kind": "image", "uri": data_uri(block.png, "png"), "caption": block.caption}
