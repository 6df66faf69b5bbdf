"""MkDocs hooks: wire the sectors, the editions, the wizards and the self-hosted runtimes into the build.

The build is staged: `docs/` and the sector pages are copied into `build/stage/` (a folder per build) so that the
i18n plugin sees one ordinary docs folder per language. Set HUB_EDITION=<sector id> for an edition.
"""
from __future__ import annotations

import base64
import concurrent.futures
import contextlib
import hashlib
import json
import os
import re
import shutil
import string
import sys
import time
from pathlib import Path
from typing import Any, Iterator

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # mkdocs loads this file by path, not as part of a package
    sys.path.insert(0, str(ROOT))

from hub import npm_assets, xz  # noqa: E402
from wizards.present.typography import french, french_html  # noqa: E402
from hub import spreadsheet_assets  # noqa: E402
from hub.markers import MarkerError, PageContext, expand  # noqa: E402
from hub.pages import PageError, check_front_matter, sources_block  # noqa: E402
from hub.schema import SchemaError  # noqa: E402
from hub.sectors import Sector, load_all, load_sector, sector_folders  # noqa: E402
from hub.wheel import build_wheel  # noqa: E402
from hub.stdlib import spreadsheet_stdlib, trimmed_stdlib  # noqa: E402
from wizards.documents import spreadsheet, tables  # noqa: E402
from wizards.documents.sample import from_sector  # noqa: E402
from wizards.registry import WIZARDS  # noqa: E402
from wizards.present.texts import LANGUAGES  # noqa: E402

STATIC = ROOT / "hub" / "static"
TEMPLATES = ROOT / "hub" / "templates"
NAV_TITLES = {
    "Wizards": {"fr": "Assistants", "en": "Wizards"},
    "Gids": {"fr": "Guide", "en": "Guide"},
    "Sectoren": {"fr": "Secteurs", "en": "Sectors"},
}
GUIDE_ORDER = ("principles", "legal-bases", "rights", "security", "data-breaches", "processors", "transfers",
               "website", "cameras", "staff-monitoring", "direct-marketing", "event-photos", "supplier-bankruptcy",
               "help", "glossary")

_state: dict[str, Any] = {}


def _edition() -> str | None:
    return os.environ.get("HUB_EDITION") or None


def _sectors() -> list[Sector]:
    edition = _edition()
    if edition:
        folders = {f.name: f for f in sector_folders()}
        if edition not in folders:
            raise PluginError(f"HUB_EDITION={edition!r}: no folder sectors/{edition}/ (known: {', '.join(folders)})")
        return [load_sector(folders[edition])]
    return load_all()


def _write_spreadsheets(sector: Sector, lang: str, folder: Path) -> None:
    """The sample register as a record (wizards/documents): semicolon CSV, .xlsx and .ods, which open
    in Excel and LibreOffice with a Belgian locale and import into the record page as they are."""
    record = from_sector(sector.data, lang)
    (folder / "register.csv").write_text(tables.to_csv(record, lang), encoding="utf-8", newline="")
    for fmt in ("xlsx", "ods"):
        (folder / f"register.{fmt}").write_bytes(spreadsheet.write(record, lang, fmt))


SECTOR_INDEX = {
    "nl": ("Sectoren", "Voorbeeldregisters, leveranciers en vragen per sector.", "Kies uw sector.",
           "De sectorpagina's, elk met haar eigen bronnen"),
    "fr": ("Secteurs", "Registres exemples, fournisseurs et questions par secteur.", "Choisissez votre secteur.",
           "Les pages sectorielles, chacune avec ses propres sources"),
    "en": ("Sectors", "Sample registers, suppliers and questions per sector.", "Choose your sector.",
           "The sector pages, each with its own sources"),
}


def _write_sector_index(sectors: list[Sector], lang: str, target: Path) -> None:
    # The source a visitor reads is the sector pages, not the file the build reads them from.
    title, summary, intro, source = SECTOR_INDEX[lang]
    items = "\n".join(
        f"- [{s.data['name'][lang]}]({s.id}/index.md): {s.data['summary'][lang]}" for s in sectors
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        f"---\ntitle: {title}\nsummary: {summary}\nreviewed: 2026-11-23\nsources:\n"
        f"  - \"{source}\"\n---\n# {title}\n\n{intro}\n\n{items}\n",
        encoding="utf-8",
    )


def _write_edition_home(sector: Sector, lang: str, target: Path) -> None:
    """An edition's home page names its own guide and sector, not the hub and its five sectors."""
    data = sector.data
    template = string.Template((TEMPLATES / f"edition_home.{lang}.md").read_text(encoding="utf-8"))
    site_name, summary = data["edition"]["site_name"][lang], data["summary"][lang]
    target.write_text(template.substitute(
        title_yaml=json.dumps(site_name, ensure_ascii=False), summary_yaml=json.dumps(summary, ensure_ascii=False),
        site_name=site_name, summary=summary, sector=data["name"][lang], sector_id=sector.id,
        federation=data["federations"][0]["name"][lang]), encoding="utf-8")


def _stage(sectors: list[Sector]) -> Path:
    # `python -m hub build` hands each build a folder of its own (HUB_STAGE), so that two builds at once
    # do not copy into the same one.
    stage = Path(os.environ.get("HUB_STAGE") or ROOT / "build" / "stage" / (_edition() or "hub"))
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(ROOT / "docs", stage)
    edition = sectors[0] if _edition() else None
    logo = edition.folder / edition.data["edition"]["logo"] if edition and edition.data["edition"]["logo"] else STATIC / "logo.svg"
    (stage / "assets").mkdir(exist_ok=True)
    shutil.copy(logo, stage / "assets" / ("logo" + logo.suffix))
    for sector in sectors:
        for lang in LANGUAGES:
            target = stage / lang / "sectors" / sector.id
            target.mkdir(parents=True, exist_ok=True)
            for page in sector.pages(lang):
                shutil.copy(page, target / page.name)
            _write_spreadsheets(sector, lang, target)
    for lang in LANGUAGES:
        _write_sector_index(sectors, lang, stage / lang / "sectors" / "index.md")
        if edition:
            _write_edition_home(edition, lang, stage / lang / "index.md")
    # The record page's .xlsx/.ods export loads these into Pyodide on demand (hub/spreadsheet_assets.py).
    _state["spreadsheet"] = spreadsheet_assets.copy_into(stage / "assets" / "spreadsheet")
    files = {p.name: p.read_bytes() for p in sorted(STATIC.iterdir()) if p.is_file() and p.name != "sw.js"}
    files["unxz.wasm"] = xz.decoder_wasm()  # what unxz.js unpacks the runtime's .xz copies with
    files["worker.js"] = with_imports_inlined(files["worker.js"].decode("utf-8"), files).encode("utf-8")
    if edition:
        colors = edition.data["edition"]["colors"]
        files["edition.css"] = (
            ":root, [data-md-color-scheme=default], [data-md-color-scheme=slate] {\n"
            f"  --md-primary-fg-color: {colors['primary']};\n  --md-primary-fg-color--dark: {colors['primary']};\n"
            f"  --md-accent-fg-color: {colors['accent']};\n}}\n"
        ).encode()
    # The site's own scripts and styles sit in a folder named after their contents: a new deployment
    # links new names, so neither the browser's cache nor the offline cache can hand out an old copy.
    # (sw.js is a template: the build writes the filled-in copy to the site root, offline_worker.)
    _state["hub_assets"] = f"assets/hub/{_digest(files)}/"
    target = stage / _state["hub_assets"]
    target.mkdir(parents=True)
    for name, data in files.items():
        (target / name).write_bytes(data)
    return stage


_LOCAL_IMPORT = re.compile(r'^import \{[^}]*\} from "\./(?P<name>[\w-]+\.js)";\n', re.M)


def with_imports_inlined(source: str, files: dict[str, bytes]) -> str:
    """worker.js with its own modules (snapshot.js, unxz.js) written in: each import is a request the
    worker makes in turn before its first line runs, a round trip on a first visit and a pass through the
    offline cache on every later one. The modules share no top-level name (a test checks)."""
    def inline(match: re.Match[str]) -> str:
        module = files[match.group("name")].decode("utf-8")
        return f"// ---- {match.group('name')} ----\n" + re.sub(r"^export ", "", module, flags=re.M) + "// ----\n"
    return _LOCAL_IMPORT.sub(inline, source)


def _digest(files: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return digest.hexdigest()[:12]


def _nav(sectors: list[Sector], stage: Path) -> list[Any]:
    guide = ["guide/index.md"] + [f"guide/{p}.md" for p in GUIDE_ORDER if (stage / "nl" / "guide" / f"{p}.md").exists()]
    wizards = ["wizards/index.md"] + [f"wizards/{w}.md" for w in WIZARDS if (stage / "nl" / "wizards" / f"{w}.md").exists()]
    wizards += [f"wizards/{p}.md" for p in ("record", "dpia-builder", "gdpr-file") if (stage / "nl" / "wizards" / f"{p}.md").exists()]
    sector_sections: list[Any] = ["sectors/index.md"] + [
        {s.data["name"]["nl"]: [f"sectors/{s.id}/{n}" for n in ("index.md", "register.md", "suppliers.md", "questions.md")]}
        for s in sectors
    ]
    about = ["about.md"] if (stage / "nl" / "about.md").exists() else []
    if _edition():
        return ["index.md", *sector_sections[1:], {"Wizards": wizards}, {"Gids": guide}, *about]
    return ["index.md", {"Wizards": wizards}, {"Gids": guide}, {"Sectoren": sector_sections}, *about]


def _nested_language_build(config: Any) -> bool:
    """True while mkdocs-static-i18n rebuilds the same config for its other languages: the staged docs,
    the wheel and the runtimes from the first pass still hold, so they are not made again."""
    return bool(getattr(config["plugins"]["i18n"], "building", False))


def on_config(config: Any) -> Any:
    if _nested_language_build(config):
        return config
    _state["timings"] = {}
    # Steps that depend on nothing the writer edits run beside the others on a fresh cache: the npm
    # downloads, and the xz copy of Python's runtime (lzma lets other threads run while it packs).
    background = concurrent.futures.ThreadPoolExecutor(2)
    waiting = [] if _preview() else [background.submit(_runtime_xz)]
    waiting += [background.submit(npm_assets.tarball, npm_assets.pinned()[name]) for name in npm_assets.SITE if name != "pyodide"]
    try:
        with _timed("sector files"):
            sectors = _sectors()
        with _timed("staging (pages, spreadsheets)"):
            stage = _stage(sectors)
        with _timed("wizards wheel"):
            _state["wheel"] = build_wheel()
        with _timed("standard library trim"):
            if _preview():
                _state["stdlib"] = npm_assets.unpacked("pyodide") / "python_stdlib.zip"
            else:
                _state["stdlib"] = trimmed_stdlib(_state["wheel"])
        # What openpyxl and odfpy need of the standard library beyond the wizards: loaded with them, on export.
        with _timed("spreadsheet standard library"):
            extra = spreadsheet_stdlib(_state["stdlib"], stage / "assets" / "spreadsheet")
        with _timed("waiting for downloads and the runtime's xz copy"):
            for future in waiting:
                future.result()
        _state["spreadsheet"] = {fmt: [extra, *names] for fmt, names in _state["spreadsheet"].items()}
    except SchemaError as err:
        raise PluginError(f"Invalid sector file: {err}") from None
    except npm_assets.AssetError as err:
        raise PluginError(str(err)) from None
    finally:
        background.shutdown(wait=True)
    _state["sectors"] = {s.id: s for s in sectors}
    config["docs_dir"] = str(stage)
    config["nav"] = _nav(sectors, stage)
    config["extra"]["hub_edition"] = _edition()
    config["extra"]["hub_assets"] = _state["hub_assets"]
    config["extra_css"] = [_state["hub_assets"] + c.removeprefix("assets/hub/") if c.startswith("assets/hub/") else c
                           for c in config["extra_css"]]
    if _edition():
        config["extra_css"].append(_state["hub_assets"] + "edition.css")
    with _timed("xz copies"):
        _state["boot"] = _boot_paths()
    i18n = config["plugins"]["i18n"]
    for language in i18n.config["languages"]:
        translations = {key: titles[language.locale] for key, titles in NAV_TITLES.items() if language.locale in titles}
        translations.update({s.data["name"]["nl"]: s.data["name"][language.locale] for s in sectors})
        language.nav_translations = translations
        if _edition():
            language.site_name = sectors[0].data["edition"]["site_name"][language.locale]
    if _edition():
        config["site_name"] = sectors[0].data["edition"]["site_name"]["nl"]
    _state["pages_from"] = time.perf_counter()
    return config


@contextlib.contextmanager
def _timed(step: str) -> Iterator[None]:
    """Each step's seconds, printed at the end of the build: where a slow build spends its time."""
    start = time.perf_counter()
    try:
        yield
    finally:
        _state["timings"][step] = _state["timings"].get(step, 0.0) + time.perf_counter() - start


def _page_context(page: Any, config: Any) -> PageContext:
    src = page.file.src_uri
    lang = src.split("/", 1)[0] if src.split("/", 1)[0] in LANGUAGES else "nl"
    depth = page.url.count("/")
    root = "../" * depth
    lang_root = root if lang == "nl" else f"{root}{lang}/"
    sector = None
    parts = src.split("/")
    if len(parts) >= 3 and parts[1] == "sectors":
        sector = _state["sectors"].get(parts[2])
    return PageContext(lang=lang, root=root, lang_root=lang_root, where=_origin(src, sector),
                       sector=sector, wheel=_state["boot"]["wheel"],
                       samples=tuple(_state["sectors"].values()), edition=_edition(),
                       spreadsheet=_state.get("spreadsheet") or {}, hub_assets=_state["hub_assets"])


def _origin(src_uri: str, sector: Sector | None) -> str:
    """The file a federation edits, not the staged copy, for error messages."""
    if sector is not None:
        lang, _, _, name = src_uri.split("/", 3)
        return f"sectors/{sector.id}/pages/{lang}/{name}"
    return f"docs/{src_uri}"


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    ctx = _page_context(page, config)
    try:
        check_front_matter(page.meta, ctx.where, Path(page.file.abs_src_path).read_text(encoding='utf-8'))
        markdown, has_wizard = expand(markdown, ctx)
    except (PageError, MarkerError) as err:
        raise PluginError(str(err)) from None
    page.meta["hub_wizard"] = has_wizard
    if has_wizard:
        page.meta["hub_boot"] = {"root": ctx.root, **_state["boot"]}
    page.meta["hub_root"] = ctx.root
    page.meta["hub_assets"] = ctx.root + _state["hub_assets"]
    page.meta["hub_mermaid"] = "```mermaid" in markdown
    page.meta["hub_script"] = 'id="wz-texts"' in markdown
    return markdown + sources_block(page.meta, ctx.lang)


def _preview() -> bool:
    """HUB_PREVIEW=1: `python -m hub serve`'s first build on a fresh cache, which shows the site before the
    slow steps that only make the download smaller: Pyodide's full standard library instead of the trimmed
    one, and no xz copies (the page's worker then fetches the plain files). The same serve then makes
    them and rebuilds. Never for a published site."""
    return os.environ.get("HUB_PREVIEW") == "1"


def _runtime_xz() -> Path:
    return xz.pack(npm_assets.unpacked("pyodide") / "pyodide.asm.wasm")


RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")


def _boot_paths() -> dict[str, str]:
    """Where a wizard page finds Python, each path under assets/ named after what it holds.

    `runtime`: Pyodide's own three files, in a folder named after the pinned package's integrity, so
    they survive deployments in the offline cache until the pin changes. `wheel` and `stdlib`: the
    wizards and the standard library trimmed to what they import, in a folder named after both.
    `runtimeCache` and `wizardsCache`: the caches in which the page's Python worker keeps what it
    fetched (and the memory snapshot it makes), named like those folders. No lock file: the wizards load no Pyodide package, so the page hands Pyodide an empty one.
    """
    asset = npm_assets.pinned()["pyodide"]
    pin = hashlib.sha256(asset.integrity.encode()).hexdigest()[:12]
    wheel, stdlib = _state["wheel"], _state["stdlib"]
    key = hashlib.sha256(wheel.read_bytes() + stdlib.read_bytes()).hexdigest()[:16]
    runtime = npm_assets.unpacked("pyodide")
    paths = {"runtime": f"assets/pyodide/{pin}/", "wheel": f"assets/wheels/{key}/{wheel.name}",
             "stdlib": f"assets/wheels/{key}/stdlib.zip"}
    # Sent as xz (hub/xz.py); the worker counts their bytes for its progress bar (the runtime script is
    # imported, not counted).
    sources = {paths["runtime"] + "pyodide.asm.wasm": runtime / "pyodide.asm.wasm", paths["stdlib"]: stdlib,
               paths["wheel"]: wheel}
    _state["packed"] = {} if _preview() else {path: xz.pack(source) for path, source in sources.items()}
    total = sum(packed.stat().st_size for packed in _state["packed"].values())
    # The worker checks a copy kept in the visitor's Cache Storage against these before using it.
    digests = {path: hashlib.sha256(source.read_bytes()).hexdigest() for path, source in sources.items()}
    return {**paths, "packed": sorted(_state["packed"]), "digests": digests, "decoder": _state["hub_assets"] + "unxz.wasm",
            "hub": _state["hub_assets"],
            # What the .odt/.docx export of a letter or log entry loads into Python on first use (never before).
            "documents": [f"assets/spreadsheet/{name}" for name in (_state.get("spreadsheet") or {}).get("documents", [])],
            "runtimeCache": f"gdpr-hub-runtime-{pin}", "wizardsCache": f"gdpr-hub-wizards-{key}", "bytes": total,
            "lockInfo": json.loads((runtime / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]}


# After mkdocs-static-i18n (priority -100), which builds the other languages and only then writes the
# search index of all three.
@event_priority(-110)
def on_post_build(config: Any) -> None:
    if _nested_language_build(config):
        return
    _state["timings"]["pages (mkdocs, three languages)"] = time.perf_counter() - _state.pop("pages_from")
    with _timed("runtimes and search index"):
        _finish(Path(config["site_dir"]))
    steps = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in _state["timings"].items())
    print(f"Build steps: {steps}", file=sys.stderr)


def _finish(site: Path) -> None:
    boot = _state["boot"]
    try:
        for name, asset in npm_assets.pinned().items():
            if asset.target and name != "pyodide":
                npm_assets.extract(asset, site / asset.target)
        runtime = npm_assets.unpacked("pyodide")
    except npm_assets.AssetError as err:
        raise PluginError(str(err)) from None
    (site / boot["runtime"]).mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copy(runtime / name, site / boot["runtime"] / name)
    (site / boot["wheel"]).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(_state["wheel"], site / boot["wheel"])
    shutil.copy(_state["stdlib"], site / boot["stdlib"])
    for path, packed in _state["packed"].items():
        shutil.copy(packed, site / (path + xz.SUFFIX))
    split_search_index(site)
    # The offline cache must sit at the site root so that its scope covers every page.
    (site / "sw.js").write_text(offline_worker(site, [boot["runtimeCache"], boot["wizardsCache"]]), encoding="utf-8")


def split_search_index(site: Path) -> None:
    """search_index.<lang>.json per language next to Material's combined index, which the page script
    (overrides/main.html) swaps in: otherwise a Dutch search ranks English pages first and counts all three
    languages. Each index stems only its own language."""
    combined_path = site / "search" / "search_index.json"
    if not combined_path.exists():
        return
    combined = json.loads(combined_path.read_text(encoding="utf-8"))
    others = tuple(f"{lang}/" for lang in LANGUAGES if lang != "nl")

    def language(location: str) -> str:
        return next((prefix[:-1] for prefix in others if location.startswith(prefix)), "nl")

    for lang in LANGUAGES:
        index = {"config": {**combined["config"], "lang": [lang]},
                 "docs": [doc for doc in combined["docs"] if language(doc["location"]) == lang]}
        (site / "search" / f"search_index.{lang}.json").write_text(
            json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# mkdocs-static-i18n writes <link rel="alternate" hreflang> into every page; Material then fetches
# "sitemap.xml" relative to each of those pages (three 404s and console errors per page). The sitemap
# already lists every page's language versions (xhtml:link hreflang), so the head links can go.
ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[a-z]{2}">')


def _drop_alternate_links(output: str) -> str:
    head_end = output.find("</head>")
    return ALTERNATE_LINK.sub("", output[:head_end]) + output[head_end:]


def cache_name(site: Path) -> str:
    """Named after every file under assets/ (names and contents): any change, a new cache."""
    digest = hashlib.sha256()
    for file in sorted((site / "assets").rglob("*")):
        if file.is_file():
            rel = file.relative_to(site).as_posix()
            digest.update(rel.encode() + b"\0" + hashlib.sha256(file.read_bytes()).digest())
    return f"gdpr-hub-{digest.hexdigest()[:16]}"


def script_digests(site: Path) -> dict[str, str]:
    """SHA-256 of every script under assets/ (Pyodide's pyodide.mjs and pyodide.asm.mjs, the hub's own and
    the theme's), by path from the site root: the offline cache runs no kept copy that differs."""
    return {file.relative_to(site).as_posix(): hashlib.sha256(file.read_bytes()).hexdigest()
            for file in sorted((site / "assets").rglob("*")) if file.is_file() and file.suffix in (".js", ".mjs")}


def offline_worker(site: Path, worker_caches: list[str]) -> str:
    """sw.js with the name of this deployment's offline cache, of the caches the page's Python worker
    fills and the digests of the scripts it may keep; on activation every other cache of the site is dropped."""
    source = (STATIC / "sw.js").read_text(encoding="utf-8")
    for line, value in (('const CACHE = "gdpr-hub-dev";', f'const CACHE = "{cache_name(site)}";'),
                        ("const WORKER_CACHES = [];", f"const WORKER_CACHES = {json.dumps(worker_caches)};"),
                        ("const DIGESTS = {};", f"const DIGESTS = {json.dumps(script_digests(site), indent=0)};")):
        if line not in source:
            raise PluginError(f"hub/static/sw.js no longer has the line {line!r} the build fills in")
        source = source.replace(line, value)
    return source


TASK_LABEL = {"nl": "Afvinken", "fr": "À cocher", "en": "To do"}
# The toc extension's anchor after each heading says "Permanent link" on every page (its setting is one for
# the whole site): the tooltip in the page's language.
PERMALINK = {"nl": "Vaste link naar dit deel", "fr": "Lien permanent vers cette partie", "en": "Permanent link"}


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    # pymdownx.tasklist renders unlabeled checkboxes; give them a name for screen readers.
    src = page.file.src_uri.split("/", 1)[0]
    lang = src if src in TASK_LABEL else "nl"
    html = re.sub(r'(class="headerlink" href="[^"]*" title=")Permanent link"', lambda m: m.group(1) + PERMALINK[lang] + '"', html)
    return html.replace('<label class="task-list-control"><input type="checkbox"',
                        f'<label class="task-list-control"><input type="checkbox" aria-label="{TASK_LABEL[lang]}"')


_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
_SCRIPT_SRC = re.compile(r"(<meta http-equiv=\"Content-Security-Policy\" content=\"[^\"]*?script-src 'self')")


def inline_script_hashes(html: str) -> list[str]:
    """CSP sources for the page's inline scripts (Material's theme switch and configuration reader),
    so that script-src needs no 'unsafe-inline' and an injected script would not run."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if "src=" in attrs or re.search(r"type=\"?(application/json|text/template)", attrs):
            continue
        digest = base64.b64encode(hashlib.sha256(match.group("body").encode()).digest()).decode()
        source = f"'sha256-{digest}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


_MATERIAL_BUNDLE = re.compile(r'<script src="(?P<src>[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
_BOOT_JSON = re.compile(r'(<script type="application/json" id="wz-boot">)(?P<json>.*?)(</script>)', re.S)


def _material_later(html: str, src_uri: str) -> str:
    """On a wizard page, the theme's script is not in the page: boot.js loads it once Python is ready
    (it would take about 0.1 s of processor time from Python's start). Its address goes in #wz-boot."""
    bundle = _MATERIAL_BUNDLE.search(html)
    boot = _BOOT_JSON.search(html)
    if not bundle or not boot:
        raise PluginError(f"{src_uri}: wizard page without the theme's script tag or #wz-boot "
                          "(did mkdocs-material change how it loads its bundle?)")
    settings = json.loads(boot.group("json"))
    settings["material"] = bundle.group("src")
    # Escaped as Jinja's tojson does, so that the JSON cannot end its script element.
    text = json.dumps(settings).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    html = html[:boot.start("json")] + text + html[boot.end("json"):]
    return _MATERIAL_BUNDLE.sub("", html, count=1)


_READ_ATTRIBUTE = re.compile(r'(?P<name>\s(?:aria-label|title|alt|placeholder))="(?P<value>[^"]*)"')


def french_attributes(html: str) -> str:
    """French spacing also in what a screen reader or a tooltip says (Material's footer: "Suivant : Guide")."""
    import html as entities

    def space(match: re.Match[str]) -> str:
        value = entities.unescape(match.group("value"))
        if french(value) == value:
            return match.group(0)
        return f'{match.group("name")}="{entities.escape(french(value))}"'
    return _READ_ATTRIBUTE.sub(space, html)


def on_post_page(output: str, page: Any, config: Any) -> str:
    output = _drop_alternate_links(output)
    # French pages get French spacing in every text a visitor reads (menus, titles, tables, wizards).
    if page.file.src_uri.split("/", 1)[0] == "fr":
        output = french_attributes(french_html(output))
    if "<script data-hub-boot></script>" in output:
        output = _material_later(output, page.file.src_uri)
        # Inline, not a file: the worker starts one request earlier (about 20 ms of a second visit's 0.5 s).
        output = output.replace("<script data-hub-boot></script>",
                                "<script>" + (STATIC / "boot.js").read_text(encoding="utf-8") + "</script>", 1)
    # Last, so that the hashes are those of the scripts as they are served.
    hashes = inline_script_hashes(output)
    if not _SCRIPT_SRC.search(output):
        raise PluginError(f"{page.file.src_uri}: the page has no Content-Security-Policy with script-src 'self'")
    return _SCRIPT_SRC.sub(lambda m: m.group(1) + "".join(" " + h for h in hashes), output, count=1)


def on_post_template(output: str, template_name: str, config: Any) -> str:
    # The 404 page is rendered from the theme without a Markdown page; its scripts need their hashes too.
    if not _SCRIPT_SRC.search(output):
        return output
    return _SCRIPT_SRC.sub(lambda m: m.group(1) + "".join(" " + h for h in inline_script_hashes(output)), output, count=1)
