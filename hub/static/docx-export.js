// A document's blocks (wizards/documents/blocks.py, Doc.to_json) as a Word file, written in the browser
// with the npm `docx` package (pinned in pyproject.toml, served from this site's assets/docx/). This module
// and the library are imported only when a visitor asks for a .docx (hub/static/exports.js), never on a
// first visit. It draws what the .odt writer (wizards/documents/odt.py) draws: named styles, headings,
// bordered tables with a header row, pictures, a signature box, the organisation and page number below.

const LIBRARY = new URL("../../docx/index.mjs", import.meta.url).href;
const PAGE_WORD = { nl: "Pagina", fr: "Page", en: "Page" };
const PAGE_WIDTH_PX = 642;  // A4 less two margins of 2 cm, at 96 pixels to the inch
const BORDER = { style: "single", size: 4, color: "000000" };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

export async function toDocx(doc) {
  const d = await import(LIBRARY);
  const children = [];
  let lists = 0;
  for (const block of doc.blocks) {
    if (block.type === "numbered") lists += 1;
    children.push(...await blockOf(d, block, lists));
  }
  const file = new d.Document({
    title: doc.title || "",
    creator: doc.organisation || "",
    styles: styles(doc.lang),
    numbering: { config: [numbered()] },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 850, left: 1134, right: 1134 } } },
      footers: { default: footer(d, doc) },
      children,
    }],
  });
  return new Uint8Array(await d.Packer.toArrayBuffer(file));
}

// Styles a person restyles once for the whole document in Word or LibreOffice.
function styles(lang) {
  const language = { nl: "nl-BE", fr: "fr-BE", en: "en-GB" }[lang] || "nl-BE";
  return {
    default: {
      document: { run: { font: "Arial", size: 21, language: { value: language } }, paragraph: { spacing: { after: 120 } } },
      heading1: { run: { size: 36, bold: true }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
      heading2: { run: { size: 28, bold: true }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
      heading3: { run: { size: 24, bold: true }, paragraph: { spacing: { before: 200, after: 100 }, keepNext: true } },
    },
    paragraphStyles: [
      { id: "TableContents", name: "Table Contents", basedOn: "Normal", paragraph: { spacing: { after: 0 } } },
      { id: "TableHeading", name: "Table Heading", basedOn: "TableContents", run: { bold: true } },
      { id: "Signature", name: "Signature", basedOn: "TableContents" },
      { id: "Caption", name: "Caption", basedOn: "Normal", run: { italics: true, size: 18 } },
      { id: "Footer", name: "Footer", basedOn: "Normal", run: { size: 17, color: "444444" }, paragraph: { alignment: "center" } },
    ],
  };
}

function numbered() {
  const levels = [];
  for (let level = 0; level < 5; level++) {
    levels.push({ level, format: "decimal", text: `%${level + 1}.`, alignment: "left",
                  style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 360 } } } });
  }
  return { reference: "numbered", levels };
}

function footer(d, doc) {
  const lead = (doc.organisation ? `${doc.organisation} · ` : "") + `${PAGE_WORD[doc.lang] || "Page"} `;
  return new d.Footer({ children: [new d.Paragraph({ style: "Footer", children: [
    new d.TextRun(lead), new d.TextRun({ children: [d.PageNumber.CURRENT] }),
    new d.TextRun(" / "), new d.TextRun({ children: [d.PageNumber.TOTAL_PAGES] }),
  ] })] });
}

function runsOf(d, runs) {
  const out = [];
  for (const run of runs) {
    // A hard line break inside a paragraph (a letter's address) stays a line break.
    const parts = run.text.split("\n");
    const pieces = parts.map((text, index) => new d.TextRun({ text, bold: run.bold, italics: run.italic, break: index ? 1 : 0,
                                                              style: run.link ? "Hyperlink" : undefined }));
    if (run.link) out.push(new d.ExternalHyperlink({ link: run.link, children: pieces }));
    else out.push(...pieces);
  }
  return out;
}

async function blockOf(d, block, lists) {
  switch (block.type) {
    case "heading": {
      const level = Math.min(block.level, 3);
      return [new d.Paragraph({ heading: d.HeadingLevel[`HEADING_${level}`], children: runsOf(d, block.runs) })];
    }
    case "paragraph":
      return [new d.Paragraph({ children: runsOf(d, block.runs) })];
    case "bullets":
      return block.items.map((item) => new d.Paragraph({ bullet: { level: item.level }, children: runsOf(d, item.runs) }));
    case "numbered":
      // Each list counts from its own start: a numbering instance of its own.
      return block.items.map((item) => new d.Paragraph({ numbering: { reference: "numbered", level: item.level, instance: lists },
                                                         children: runsOf(d, item.runs) }));
    case "table":
      return [table(d, block)];
    case "image":
      return image(d, block);
    case "signature":
      return [signature(d, block), new d.Paragraph({ children: [] })];
    default:
      return [];
  }
}

function cell(d, runs, style, shaded) {
  return new d.TableCell({
    children: [new d.Paragraph({ style, children: runsOf(d, runs) })],
    shading: shaded ? { type: "clear", color: "auto", fill: "E6E6E6" } : undefined,
    margins: { top: 57, bottom: 57, left: 57, right: 57 },
  });
}

function table(d, block) {
  const columns = Math.max(block.header.length, ...block.rows.map((r) => r.length), 1);
  const pad = (cells) => Array.from({ length: columns }, (_, i) => cells[i] || []);
  const rows = [];
  if (block.header.length) {
    // Repeated at the top of every page a long table runs over.
    rows.push(new d.TableRow({ tableHeader: true, children: pad(block.header).map((c) => cell(d, c, "TableHeading", true)) }));
  }
  for (const row of block.rows) rows.push(new d.TableRow({ children: pad(row).map((c) => cell(d, c, "TableContents", false)) }));
  return new d.Table({ rows, width: { size: 100, type: d.WidthType.PERCENTAGE }, borders: BORDERS });
}

function signature(d, block) {
  // A bordered box: a label on the left, room to write (or the value given) on the right.
  const rows = block.lines.map((line) => new d.TableRow({
    height: { value: 624, rule: d.HeightRule.ATLEAST },
    children: [line.label, line.value].map((text, index) => new d.TableCell({
      width: { size: index ? 70 : 30, type: d.WidthType.PERCENTAGE },
      margins: { top: 57, bottom: 57, left: 57, right: 57 },
      children: [new d.Paragraph({ style: "Signature", children: [new d.TextRun(text)] })],
    })),
  }));
  return new d.Table({ rows, width: { size: 100, type: d.WidthType.PERCENTAGE }, borders: BORDERS });
}

function svgSize(svg) {
  const head = svg.slice(0, svg.indexOf(">") + 1);
  const number = (name) => { const m = head.match(new RegExp(`\\b${name}\\s*=\\s*["']\\s*([0-9.]+)`)); return m ? Number(m[1]) : 0; };
  let width = number("width"), height = number("height");
  if (!(width && height)) {
    const box = head.match(/viewBox\s*=\s*["']\s*[-0-9.]+[ ,]+[-0-9.]+[ ,]+([0-9.]+)[ ,]+([0-9.]+)/);
    [width, height] = box ? [Number(box[1]), Number(box[2])] : [400, 300];
  }
  if (width > PAGE_WIDTH_PX) [width, height] = [PAGE_WIDTH_PX, height * PAGE_WIDTH_PX / width];
  return { width: Math.round(width), height: Math.round(height) };
}

// Word before 2016 shows no SVG: the same picture as a PNG, drawn by the browser through a canvas.
async function pngOf(svg, width, height) {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const picture = new Image();
    picture.src = url;
    await picture.decode();
    const canvas = document.createElement("canvas");
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(picture, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function image(d, block) {
  const { width, height } = svgSize(block.svg);
  const run = new d.ImageRun({
    type: "svg",
    data: new TextEncoder().encode(block.svg),
    fallback: { type: "png", data: await pngOf(block.svg, width, height) },
    transformation: { width, height },
    altText: { name: block.name, title: block.alt, description: block.alt },
  });
  const out = [new d.Paragraph({ children: [run] })];
  if (block.alt) out.push(new d.Paragraph({ style: "Caption", children: [new d.TextRun(block.alt)] }));
  return out;
}
