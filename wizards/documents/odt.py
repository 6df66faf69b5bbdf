"""A document's blocks (blocks.py) as an OpenDocument text file (.odt), written with odfpy.

Every look is a named style (Heading 1-3, Text body, Table Heading, Signature, Footer, ...), so a
person can restyle the whole document in LibreOffice or Word at once instead of paragraph by paragraph.
The footer carries the organisation's name and the page number on every page.
"""
from __future__ import annotations

import io
import re

from wizards.documents.blocks import (BulletList, Doc, Heading, Image, NumberedList, Paragraph, Runs, Signature,
                                      Table)

MEDIA_TYPE = "application/vnd.oasis.opendocument.text"
PAGE_WIDTH_CM = 17.0  # A4 (21 cm) less two margins of 2 cm
BORDER = "0.5pt solid #000000"
# "Page 3 / 7" in the footer: the word for "page" in the document's language.
PAGE_WORD = {"nl": "Pagina", "fr": "Page", "en": "Page"}


def _import_odf() -> None:
    """odfpy is loaded into the browser's Python only when a visitor exports (pyodide_libs.py), while
    this module is imported with the bridge at start-up: so its names are bound on first use."""
    global teletype, Frame, DrawImage, OpenDocumentText, FontFace, Footer, GraphicProperties, \
        ListLevelProperties, MasterPage, PageLayout, PageLayoutProperties, ParagraphProperties, Style, \
        TableCellProperties, TableColumnProperties, TableProperties, TableRowProperties, TextProperties, \
        Desc, Title, OdfTable, TableCell, TableColumn, TableHeaderRows, TableRow, A, H, List, ListItem, \
        ListLevelStyleBullet, ListLevelStyleNumber, ListStyle, P, PageCount, PageNumber, Span
    from odf import teletype
    from odf.draw import Frame
    from odf.draw import Image as DrawImage
    from odf.opendocument import OpenDocumentText
    from odf.style import (FontFace, Footer, GraphicProperties, ListLevelProperties, MasterPage, PageLayout,
                           PageLayoutProperties, ParagraphProperties, Style, TableCellProperties, TableColumnProperties,
                           TableProperties, TableRowProperties, TextProperties)
    from odf.svg import Desc, Title
    from odf.table import Table as OdfTable
    from odf.table import TableCell, TableColumn, TableHeaderRows, TableRow
    from odf.text import A, H, List, ListItem, ListLevelStyleBullet, ListLevelStyleNumber, ListStyle, P, PageCount, PageNumber, Span


def write(doc: Doc) -> bytes:
    _import_odf()
    writer = _Writer(doc)
    out = io.BytesIO()
    writer.odt.write(out)
    return out.getvalue()


def _style(name: str, family: str, parent: str = "", **kw: str) -> Style:
    # The display name is what LibreOffice and Word list; the name inside the file has no spaces.
    attrs = {"name": name.replace(" ", "_20_"), "displayname": name, "family": family}
    if parent:
        attrs["parentstylename"] = parent.replace(" ", "_20_")
    return Style(**attrs, **kw)


class _Writer:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.odt = OpenDocumentText()
        self.pictures = 0
        self.tables = 0
        self._styles()
        for block in doc.blocks:
            self._block(block)

    # -- styles ---------------------------------------------------------------------------------

    def _styles(self) -> None:
        odt, styles = self.odt, self.odt.styles
        odt.fontfacedecls.addElement(FontFace(name="Liberation Sans", fontfamily="'Liberation Sans'",
                                              fontfamilygeneric="swiss", fontpitch="variable"))
        default = _style("Standard", "paragraph")
        default.addElement(TextProperties(fontname="Liberation Sans", fontsize="10.5pt", language=self.doc.lang,
                                          country={"nl": "BE", "fr": "BE", "en": "GB"}.get(self.doc.lang, "BE")))
        styles.addElement(default)
        body = _style("Text body", "paragraph", "Standard")
        body.addElement(ParagraphProperties(margintop="0cm", marginbottom="0.2cm"))
        styles.addElement(body)
        heading = _style("Heading", "paragraph", "Standard", nextstylename="Text_20_body")
        heading.addElement(ParagraphProperties(margintop="0.42cm", marginbottom="0.21cm", keepwithnext="always"))
        heading.addElement(TextProperties(fontweight="bold"))
        styles.addElement(heading)
        for level, size in ((1, "18pt"), (2, "14pt"), (3, "12pt")):
            style = _style(f"Heading {level}", "paragraph", "Heading", defaultoutlinelevel=str(level))
            style.addElement(TextProperties(fontsize=size, fontweight="bold"))
            styles.addElement(style)
        for name, parent in (("Table Contents", "Standard"), ("Table Heading", "Table Contents"), ("List Paragraph", "Text body"),
                             ("Signature", "Table Contents"), ("Caption", "Standard")):
            style = _style(name, "paragraph", parent)
            if name == "Table Heading":
                style.addElement(TextProperties(fontweight="bold"))
            if name == "Caption":
                style.addElement(TextProperties(fontstyle="italic", fontsize="9pt"))
            styles.addElement(style)
        footer = _style("Footer", "paragraph", "Standard")
        footer.addElement(ParagraphProperties(textalign="center"))
        footer.addElement(TextProperties(fontsize="8.5pt", color="#444444"))
        styles.addElement(footer)
        for name, props in (("Strong Emphasis", {"fontweight": "bold"}), ("Emphasis", {"fontstyle": "italic"}),
                            ("Strong Emphasis Italic", {"fontweight": "bold", "fontstyle": "italic"}),
                            ("Internet link", {"color": "#000080", "textunderlinestyle": "solid",
                                               "textunderlinewidth": "auto", "textunderlinecolor": "font-color"})):
            style = _style(name, "text")
            style.addElement(TextProperties(**props))
            styles.addElement(style)
        self._lists()
        self._page()
        self._cells()

    def _lists(self) -> None:
        bullets = ListStyle(name="List_20_Bullet", displayname="List Bullet")
        numbers = ListStyle(name="List_20_Number", displayname="List Number")
        for level in range(1, 6):
            indent = ListLevelProperties(spacebefore=f"{0.6 * (level - 1):.1f}cm", minlabelwidth="0.6cm")
            bullet = ListLevelStyleBullet(level=str(level), bulletchar="•" if level % 2 else "–")
            bullet.addElement(indent)
            bullets.addElement(bullet)
            number = ListLevelStyleNumber(level=str(level), numformat="1", numsuffix=".")
            number.addElement(ListLevelProperties(spacebefore=f"{0.6 * (level - 1):.1f}cm", minlabelwidth="0.7cm"))
            numbers.addElement(number)
        self.odt.styles.addElement(bullets)
        self.odt.styles.addElement(numbers)

    def _page(self) -> None:
        layout = PageLayout(name="A4")
        layout.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm", printorientation="portrait",
                                               margintop="2cm", marginbottom="1.5cm", marginleft="2cm", marginright="2cm"))
        self.odt.automaticstyles.addElement(layout)
        master = MasterPage(name="Standard", pagelayoutname=layout)
        footer = Footer()
        line = P(stylename="Footer")
        if self.doc.organisation:
            teletype.addTextToElement(line, f"{self.doc.organisation} · ")
        teletype.addTextToElement(line, f"{PAGE_WORD.get(self.doc.lang, 'Page')} ")
        line.addElement(PageNumber(selectpage="current", numformat="1"))
        teletype.addTextToElement(line, " / ")
        line.addElement(PageCount(numformat="1"))
        footer.addElement(line)
        master.addElement(footer)
        self.odt.masterstyles.addElement(master)

    def _cells(self) -> None:
        auto = self.odt.automaticstyles
        self.cell = Style(name="Cell", family="table-cell")
        self.cell.addElement(TableCellProperties(border=BORDER, padding="0.1cm"))
        self.head_cell = Style(name="HeadCell", family="table-cell")
        self.head_cell.addElement(TableCellProperties(border=BORDER, padding="0.1cm", backgroundcolor="#e6e6e6"))
        self.sign_row = Style(name="SignRow", family="table-row")
        self.sign_row.addElement(TableRowProperties(minrowheight="1.1cm"))
        self.frame = Style(name="Picture", family="graphic")
        self.frame.addElement(GraphicProperties(anchortype="as-char", verticalpos="top", verticalrel="baseline"))
        for style in (self.cell, self.head_cell, self.sign_row, self.frame):
            auto.addElement(style)

    def _table_style(self, columns: int, widths: list[float] | None = None) -> tuple[Style, list[Style]]:
        self.tables += 1
        table = Style(name=f"Table{self.tables}", family="table")
        table.addElement(TableProperties(width=f"{PAGE_WIDTH_CM}cm", align="margins"))
        self.odt.automaticstyles.addElement(table)
        cols = []
        for index, width in enumerate(widths or [PAGE_WIDTH_CM / columns] * columns):
            col = Style(name=f"Table{self.tables}.C{index}", family="table-column")
            col.addElement(TableColumnProperties(columnwidth=f"{width:.2f}cm"))
            self.odt.automaticstyles.addElement(col)
            cols.append(col)
        return table, cols

    # -- blocks ---------------------------------------------------------------------------------

    def _block(self, block: object) -> None:
        text = self.odt.text
        if isinstance(block, Heading):
            level = min(block.level, 3)
            heading = H(outlinelevel=level, stylename=f"Heading_20_{level}")
            self._runs(heading, block.runs)
            text.addElement(heading)
        elif isinstance(block, Paragraph):
            text.addElement(self._para(block.runs, "Text_20_body"))
        elif isinstance(block, (BulletList, NumberedList)):
            text.addElement(self._list(block))
        elif isinstance(block, Table):
            text.addElement(self._table(block))
        elif isinstance(block, Image):
            self._image(block)
        elif isinstance(block, Signature):
            text.addElement(self._signature(block))

    def _para(self, runs: Runs, style: str) -> P:
        para = P(stylename=style)
        self._runs(para, runs)
        return para

    def _runs(self, parent: object, runs: Runs) -> None:
        for run in runs:
            style = {(True, False): "Strong_20_Emphasis", (False, True): "Emphasis",
                     (True, True): "Strong_20_Emphasis_20_Italic"}.get((run.bold, run.italic))
            target = parent
            if run.link:
                target = A(type="simple", href=run.link, stylename="Internet_20_link")
                parent.addElement(target)  # type: ignore[attr-defined]
            if style:
                span = Span(stylename=style)
                teletype.addTextToElement(span, run.text)
                target.addElement(span)  # type: ignore[attr-defined]
            else:
                teletype.addTextToElement(target, run.text)

    def _list(self, block: BulletList | NumberedList) -> List:
        style = "List_20_Bullet" if isinstance(block, BulletList) else "List_20_Number"
        root = List(stylename=style)
        # Nested items hang in a list inside the previous item, as ODF wants.
        stack: list[List] = [root]
        last_item: ListItem | None = None
        for item in block.items:
            while len(stack) > item.level + 1:
                stack.pop()
            while len(stack) < item.level + 1 and last_item is not None:
                inner = List()
                last_item.addElement(inner)
                stack.append(inner)
            last_item = ListItem()
            last_item.addElement(self._para(item.runs, "List_20_Paragraph"))
            stack[-1].addElement(last_item)
        return root

    def _table(self, block: Table) -> OdfTable:
        columns = max([len(block.header), *(len(r) for r in block.rows)] or [1])
        style, cols = self._table_style(columns)
        table = OdfTable(name=f"Table{self.tables}", stylename=style)
        for col in cols:
            table.addElement(TableColumn(stylename=col))
        if block.header:
            head = TableHeaderRows()  # repeated on every page a long table runs over
            head.addElement(self._row(block.header, columns, self.head_cell, "Table_20_Heading"))
            table.addElement(head)
        for row in block.rows:
            table.addElement(self._row(row, columns, self.cell, "Table_20_Contents"))
        return table

    def _row(self, cells: tuple[Runs, ...], columns: int, cell_style: Style, para_style: str) -> TableRow:
        row = TableRow()
        for index in range(columns):
            cell = TableCell(stylename=cell_style, valuetype="string")
            cell.addElement(self._para(cells[index] if index < len(cells) else (), para_style))
            row.addElement(cell)
        return row

    def _image(self, block: Image) -> None:
        width, height = _svg_size_cm(block.svg)
        self.pictures += 1
        href = self.odt.addPictureFromString(block.svg.encode("utf-8"), "image/svg+xml")
        frame = Frame(stylename=self.frame, width=f"{width:.2f}cm", height=f"{height:.2f}cm", anchortype="as-char",
                      name=f"Picture{self.pictures}")
        frame.addElement(DrawImage(href=href))
        if block.alt:  # what a screen reader says for the picture
            frame.addElement(Title(text=block.alt))
            frame.addElement(Desc(text=block.alt))
        para = P(stylename="Standard")
        para.addElement(frame)
        self.odt.text.addElement(para)
        if block.alt:
            caption = P(stylename="Caption")
            teletype.addTextToElement(caption, block.alt)
            self.odt.text.addElement(caption)

    def _signature(self, block: Signature) -> OdfTable:
        # A bordered box: a label on the left, room to write (or the value given) on the right.
        style, cols = self._table_style(2, [PAGE_WIDTH_CM * 0.3, PAGE_WIDTH_CM * 0.7])
        table = OdfTable(name=f"Signature{self.tables}", stylename=style)
        for col in cols:
            table.addElement(TableColumn(stylename=col))
        for label, value in block.lines:
            row = TableRow(stylename=self.sign_row)
            for text in (label, value):
                cell = TableCell(stylename=self.cell, valuetype="string")
                para = P(stylename="Signature")
                teletype.addTextToElement(para, text)
                cell.addElement(para)
                row.addElement(cell)
            table.addElement(row)
        return table


def _svg_size_cm(svg: str) -> tuple[float, float]:
    """The picture's size from its width/height in px (contract part A), shrunk to the page's width."""
    head = svg[: svg.find(">") + 1] if ">" in svg else svg

    def number(attr: str) -> float | None:
        found = re.search(rf'\b{attr}\s*=\s*["\']\s*([0-9.]+)\s*(px)?\s*["\']', head)
        return float(found.group(1)) if found else None

    width, height = number("width"), number("height")
    if not (width and height):
        box = re.search(r'viewBox\s*=\s*["\']\s*[-0-9.]+[ ,]+[-0-9.]+[ ,]+([0-9.]+)[ ,]+([0-9.]+)', head)
        width, height = (float(box.group(1)), float(box.group(2))) if box else (400.0, 300.0)
    cm_w, cm_h = width * 2.54 / 96, height * 2.54 / 96
    if cm_w > PAGE_WIDTH_CM:
        cm_w, cm_h = PAGE_WIDTH_CM, cm_h * PAGE_WIDTH_CM / cm_w
    return cm_w, cm_h
