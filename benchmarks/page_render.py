"""Cited pages rendered with the quote highlighted: how often the highlight is found, and how long a
render takes uncached and cached, over the answers to the shipped dev questions.

The shipped corpus holds text papers only, which have no page image. So the benchmark first typesets
each of them as the PDF a council would publish (fpdf2, DejaVu Sans 10 pt on A4: lines wrap, a long
paper runs to many pages, passages run from one page onto the next, table cells are set apart by
spaces rather than tabs, every page but an agenda pack's cover has a printed "Page N" footer, so the
printed numbers run one behind the PDF's; two papers are published as 150 dpi scans with no text
layer, so OCR reads them and their highlights come from Tesseract's word boxes), indexes that
edition with the real model (ONNX fp32, the default embedder) unless --embedder says otherwise,
asks every dev question, and for every citation renders its page with the passage highlighted
(`PageViews.page(chunk_id=...)`), and for each answer its page with the answer's quote highlighted.
A render is timed once with an empty page cache (uncached: PDF opened, quote found, page rendered,
PNG encoded and written to the cache) and once more (cached: read back from the cache).

    .venv/bin/python benchmarks/page_render.py [--work /tmp/page-render] [--embedder onnx-fp32]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
QUESTIONS = ROOT / "eval" / "questions.jsonl"
RESULTS = ROOT / "benchmarks" / "results"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
# published as scans (150 dpi, no text layer): their cited pages are highlighted from Tesseract's boxes
SCANNED = ("2024-09-10-smb-public-questions", "2024-03-12-cyp-scrutiny-minutes-corporate-parenting")


def typeset(text: str, path: Path, cover: bool) -> None:
    """`text` as an A4 PDF; with `cover`, a first page holding the title line alone and unnumbered."""
    from fpdf import FPDF

    class Paper(FPDF):
        def footer(self) -> None:
            number = self.page_no() - (1 if cover else 0)
            if number >= 1:
                self.set_y(-15)
                self.set_font("DejaVu", size=9)
                self.cell(0, 8, f"Page {number}", align="C")

    pdf = Paper(format="A4")
    pdf.add_font("DejaVu", fname=FONT)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_margins(20, 20, 20)
    lines = text.replace("\r\n", "\n").split("\n")
    pdf.add_page()
    pdf.set_font("DejaVu", size=10)
    if cover:
        title = next((line for line in lines if line.strip()), "")
        pdf.set_y(120)
        pdf.multi_cell(0, 8, title, align="C")
        pdf.add_page()
    for line in lines:
        if not line.strip():
            pdf.ln(3)
            continue
        pdf.multi_cell(0, 5, line.replace("\t", "   "), new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def scan(path: Path, dpi: int = 150) -> None:
    """Replace a PDF by a scan of it: each page an image (as a scanner gives it), no text layer."""
    import pypdfium2 as pdfium
    from fpdf import FPDF

    document = pdfium.PdfDocument(str(path))
    images = [document[i].render(scale=dpi / 72, grayscale=True).to_pil() for i in range(len(document))]
    document.close()
    pdf = FPDF(format="A4")
    for image in images:
        pdf.add_page()
        pdf.image(image, x=0, y=0, w=210, h=297)
    pdf.output(str(path))


def pdf_edition(target: Path, scanned: tuple[str, ...] = ()) -> Path:
    """The shipped corpus as PDFs, with its manifest rows pointing at them; the papers named in
    `scanned` (by the start of their file name) as scans, read by OCR when indexed."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    with open(CORPUS / "manifest.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        source = CORPUS / row["file"]
        row["file"] = source.with_suffix(".pdf").name
        typeset(source.read_text(encoding="utf-8"), target / row["file"], cover=row["doc_type"] == "agenda pack")
        if row["file"].startswith(scanned):
            scan(target / row["file"])
    with open(target / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    if (CORPUS / "corpus.toml").exists():
        shutil.copy(CORPUS / "corpus.toml", target / "corpus.toml")
    return target


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def measure(archive, cache_dir: Path) -> dict:
    from archive.pages.cache import PageCache
    from archive.pages.links import is_pdf_document
    from archive.pages.render import MAX_HIGHLIGHT
    from archive.pages.view import PageViews

    views = PageViews(archive, PageCache(cache_dir, limit=500_000_000))
    questions = [json.loads(line) for line in QUESTIONS.read_text().splitlines() if line.strip()]
    jobs, seen = [], set()  # (kind, question id, doc, page, highlight, chunk id)
    answered = 0
    for item in questions:
        answer = archive.ask(item["question"], k=5)
        answered += answer.text is not None
        for hit in answer.citations:
            key = ("passage", hit.chunk.chunk_id)
            if is_pdf_document(hit.document) and key not in seen:
                seen.add(key)
                jobs.append(("passage", item["id"], hit.chunk.doc_id, hit.chunk.page, "", hit.chunk.chunk_id))
        if answer.citations and answer.quote and (answer.text or answer.likely):
            best = answer.citations[0]
            if is_pdf_document(best.document) and len(answer.quote) <= MAX_HIGHLIGHT:
                jobs.append(("answer quote", item["id"], best.chunk.doc_id, best.chunk.page, answer.quote, None))
    records = []
    for kind, qid, doc_id, page, highlight, chunk_id in jobs:
        started = time.perf_counter()
        shown = views.page(doc_id, page, highlight, chunk_id)
        uncached = time.perf_counter() - started
        started = time.perf_counter()
        views.page(doc_id, page, highlight, chunk_id)
        cached = time.perf_counter() - started
        located = shown.located
        quote = highlight or views.hit(chunk_id).chunk.text
        layer = "ocr" if archive.documents[doc_id].is_ocr(page) else "text"
        records.append({"kind": kind, "layer": layer, "question": qid, "doc_id": doc_id, "page": page,
                        "printed": shown.printed,
                        "found": located.found, "cover": round(located.cover, 3), "pages": list(located.pages),
                        "uncached_ms": round(uncached * 1000, 2), "cached_ms": round(cached * 1000, 2),
                        "quote": quote[:160]})
    return {"questions": len(questions), "answered": answered, "records": records}


def summary(result: dict) -> dict:
    records = result["records"]
    out = {}
    for kind in ("passage", "answer quote", "text layer", "OCR", "all"):
        chosen = [r for r in records if kind in ("all", r["kind"], {"text": "text layer", "ocr": "OCR"}[r["layer"]])]
        found = [r for r in chosen if r["found"]]
        out[kind] = {
            "renders": len(chosen),
            "found": len(found),
            "found_share": round(len(found) / len(chosen), 4) if chosen else None,
            "exact": sum(1 for r in found if r["cover"] >= 1.0),
            "approximate": sum(1 for r in found if r["cover"] < 1.0),
            "two_pages": sum(1 for r in found if len(r["pages"]) > 1),
            "uncached_p50_ms": round(statistics.median([r["uncached_ms"] for r in chosen]), 1) if chosen else None,
            "uncached_p90_ms": round(percentile([r["uncached_ms"] for r in chosen], 0.9), 1) if chosen else None,
            "cached_p50_ms": round(statistics.median([r["cached_ms"] for r in chosen]), 2) if chosen else None,
            "cached_p90_ms": round(percentile([r["cached_ms"] for r in chosen], 0.9), 2) if chosen else None,
        }
    return out


def write_markdown(result: dict, figures: dict, path: Path, embedder: str) -> None:
    rows = "\n".join(
        f"| {kind} | {f['renders']} | {f['found']} ({f['found_share']:.1%}) | {f['exact']} | {f['approximate']} | "
        f"{f['two_pages']} | {f['uncached_p50_ms']} | {f['uncached_p90_ms']} | {f['cached_p50_ms']} | "
        f"{f['cached_p90_ms']} |" for kind, f in figures.items() if f["renders"])
    misses = [r for r in result["records"] if not r["found"]]
    missed = "\n".join(f"- {r['question']} {r['kind']} {r['doc_id']} page {r['page']}: “{r['quote']}”"
                       for r in misses) or "- none"
    path.write_text(f"""# Page render: cited pages with the quote highlighted

`benchmarks/page_render.py` ({platform.machine()}, {platform.python_version()}; embedder {embedder}).
The shipped corpus's text papers typeset as PDFs (DejaVu Sans 10 pt, A4, printed "Page N" footers,
an agenda pack's cover unnumbered), indexed, and the {result['questions']} dev questions asked
({result['answered']} answered). Every citation's page rendered with its passage highlighted
(`passage`), and each answer's (or likely answer's) page with its quote highlighted (`answer quote`);
the same renders split by the page's layer: `text layer` (PDFium's character boxes) and `OCR` (two
papers published as 150 dpi scans: {', '.join(SCANNED)}; Tesseract's word boxes kept at index time), at
scale 1.5 (108 dpi). Uncached: PDF opened, quote found, page rendered, PNG encoded and written to
the page cache; cached: read back from it. Times in milliseconds on a shared 2-core machine
(1-minute load average {result['load_average'][0]} before, {result['load_average'][1]} after).

| highlight | renders | found | exact | approx. | two pages | uncached p50 | p90 | cached p50 | p90 |
|---|---|---|---|---|---|---|---|---|---|
{rows}

Targets: the highlight found for >= 95% of quotes; uncached p50 <= 150 ms; cached p50 <= 10 ms.

Not found:
{missed}
""")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "page-render")
    parser.add_argument("--embedder", default="onnx-fp32")
    parser.add_argument("--out", type=Path, default=RESULTS / "page_render.md")
    parser.add_argument("--scanned", nargs="*", default=list(SCANNED),
                        help="Papers (start of the file name) published as scans, read by OCR.")
    args = parser.parse_args()

    from archive import Archive
    from archive.build.indexer import build_index
    from archive.index.embed import get_embedder

    corpus = pdf_edition(args.work / "corpus", tuple(args.scanned))
    shutil.rmtree(args.work / "index", ignore_errors=True)
    embedder = get_embedder(args.embedder)
    build_index(corpus, args.work / "index", embedder, progress=False, log=lambda m: None)
    archive = Archive.open(args.work / "index", embedder=embedder)
    cache = args.work / "page-cache"
    shutil.rmtree(cache, ignore_errors=True)
    load_before = os.getloadavg()[0]
    result = measure(archive, cache)
    result["load_average"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    figures = summary(result)
    write_markdown(result, figures, args.out, embedder.name)
    args.out.with_suffix(".json").write_text(json.dumps({"summary": figures, **result}, indent=1))
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
