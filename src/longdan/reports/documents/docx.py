"""The report as a Word document (python-docx), laid out as Decree 30/2020/NĐ-CP asks of an
administrative document: A4, margins 20/15/20/30 mm (top, right, bottom, left), the issuing
body and the national motto side by side at the top with a short rule under each, the number
and the place-and-date line beneath them, the title, the body, then "Nơi nhận:" at the bottom
left and the signature block at the bottom right; page numbers at the top from page 2.

Times New Roman is named, as the decree's customary font and the one Word users have; on
Linux a reader substitutes a metric twin (Liberation Serif) or the PDF is used instead.
"""

from io import BytesIO
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .content import Image, Paragraph, ReportContent, Table

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12
# Width of the writing area: 210 mm − 30 mm left − 15 mm right.
TEXT_WIDTH_MM = 165


def write_docx(content: ReportContent) -> bytes:
    document = Document()
    _page_setup(document)
    _styles(document)
    _header_block(document, content)
    _title(document, content)
    for section in content.sections:
        _paragraph(document, section.heading, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, space_before=6)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                _body(document, block)
            elif isinstance(block, Table):
                _table(document, block)
            elif isinstance(block, Image):
                _image(document, block)
    _closing_block(document, content)
    properties = document.core_properties
    properties.title = f"{content.kind} {content.subject} — {content.period_line}"
    properties.subject = content.scope.label
    properties.language = "vi-VN"
    properties.author = content.issuing_body
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- page and styles ---


def _page_setup(document: Any) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    # The page number, centred at the top, from the second page on.
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(paragraph, "PAGE")


def _styles(document: Any) -> None:
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "vi-VN")
    _insert_in_order(normal.element.get_or_add_rPr(), language)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)


# --- header: issuing body | national motto; number | place and date ---


def _header_block(document: Any, content: ReportContent) -> None:
    table = document.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (Mm(68), Mm(TEXT_WIDTH_MM - 68 + 10))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    left, right = table.cell(0, 0), table.cell(0, 1)
    first = left.paragraphs[0]
    if content.parent_body:
        _run(first, content.parent_body, size=13)
        first.alignment = WD_ALIGN_PARAGRAPH.CENTER
        name = left.add_paragraph()
    else:
        name = first
    name.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(name, content.issuing_body, size=13, bold=True)
    _rule(left.add_paragraph(), indent_mm=22)

    nation = right.paragraphs[0]
    nation.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(nation, content.nation, size=13, bold=True)
    motto = right.add_paragraph()
    motto.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(motto, content.motto, size=14, bold=True)
    # As long as the motto's line: about 60 mm of the 107 mm cell.
    _rule(right.add_paragraph(), indent_mm=23)

    number = table.cell(1, 0).paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(number, content.number, size=13)
    place = table.cell(1, 1).paragraphs[0]
    place.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(place, content.place_date, size=14, italic=True)


def _title(document: Any, content: ReportContent) -> None:
    _paragraph(document, content.kind, bold=True, space_before=18)
    _paragraph(document, content.subject, bold=True)
    _paragraph(document, content.period_line, bold=True)
    _rule(document.add_paragraph(), indent_mm=60)
    document.add_paragraph()


# --- body ---


def _body(document: Any, block: Paragraph) -> None:
    if block.style == "fill":
        paragraph = document.add_paragraph()
        _run(paragraph, "." * 118, size=BODY_PT)
        paragraph.paragraph_format.space_after = Pt(6)
        return
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Mm(10)
    paragraph.paragraph_format.space_after = Pt(6)
    paragraph.paragraph_format.line_spacing = 1.15
    _run(
        paragraph,
        block.text,
        size=BODY_PT if block.style == "body" else TABLE_PT,
        italic=block.style == "note",
    )


def _table(document: Any, block: Table) -> None:
    table = document.add_table(rows=1, cols=len(block.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    total = sum(block.widths)
    widths = [Mm(TEXT_WIDTH_MM * width / total) for width in block.widths]
    for cell, title, width in zip(table.rows[0].cells, block.columns, widths, strict=True):
        cell.width = width
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(paragraph, title, size=TABLE_PT, bold=True)
    _repeat_header(table.rows[0])
    for index, values in enumerate(block.rows):
        cells = table.add_row().cells
        for cell, value, width, numeric in zip(cells, values, widths, block.numeric, strict=True):
            cell.width = width
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if numeric else WD_ALIGN_PARAGRAPH.LEFT
            _run(paragraph, value, size=TABLE_PT, bold=index in block.headings)
    document.add_paragraph()


def _image(document: Any, block: Image) -> None:
    document.add_picture(BytesIO(block.png), width=Mm(min(block.width_mm, TEXT_WIDTH_MM)))
    document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption = _paragraph(document, block.caption, size=TABLE_PT, italic=True)
    caption.paragraph_format.space_after = Pt(8)


# --- closing: recipients | signature ---


def _closing_block(document: Any, content: ReportContent) -> None:
    document.add_paragraph()
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    left, right = table.rows[0].cells
    left.width, right.width = Mm(80), Mm(TEXT_WIDTH_MM - 80)
    heading = left.paragraphs[0]
    _run(heading, content.recipients_heading, size=12, bold=True, italic=True)
    for line in content.recipients:
        _run(left.add_paragraph(), f"- {line}", size=11)

    position = right.paragraphs[0]
    position.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(position, content.signer_position, size=14, bold=True)
    for _blank in range(4):  # room for the signature and the seal
        right.add_paragraph()
    name = right.add_paragraph()
    name.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(name, content.signer_name, size=14, bold=True)


# --- small pieces ---


def _paragraph(
    document: Any,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: int = BODY_PT,
    align: Any = WD_ALIGN_PARAGRAPH.CENTER,
    space_before: int = 0,
) -> Any:
    paragraph = document.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_before = Pt(space_before)
    _run(paragraph, text, size=size, bold=bold, italic=italic)
    return paragraph


def _run(paragraph: Any, text: str, *, size: int, bold: bool = False, italic: bool = False) -> Any:
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.name = FONT
    return run


def _rule(paragraph: Any, *, indent_mm: float) -> None:
    """A short horizontal rule: the bottom border of an empty paragraph, shortened by its indents."""
    paragraph.paragraph_format.left_indent = Mm(indent_mm)
    paragraph.paragraph_format.right_indent = Mm(indent_mm)
    paragraph.paragraph_format.space_after = Pt(2)
    run = paragraph.add_run()
    run.font.size = Pt(2)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    _insert_in_order(paragraph._p.get_or_add_pPr(), borders)


def _field(paragraph: Any, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


# The elements that must follow w:pBdr in a w:pPr and w:lang in a w:rPr (ECMA-376 order;
# python-docx knows the order but keeps no handle on these two).
_AFTER = {
    "w:pBdr": (
        "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
        "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
        "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
        "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
        "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
    ),
    "w:lang": ("w:eastAsianLayout", "w:specVanish", "w:oMath"),
}  # fmt: skip


def _insert_in_order(parent: Any, child: Any) -> None:
    """Add `child` where the schema wants it among `parent`'s children (Word refuses them out of order)."""
    local = child.tag.rpartition("}")[2]
    parent.insert_element_before(child, *_AFTER[f"w:{local}"])


def _repeat_header(row: Any) -> None:
    """The header row is repeated on each page a long table runs over."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
