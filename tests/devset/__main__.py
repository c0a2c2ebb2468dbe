"""The real-news development set: rebuild its texts outside the repo, or import newly annotated articles.

    python -m tests.devset rebuild [--raw RAW_DIR] [--out DEVSET_DIR]
    python -m tests.devset save ID EXCERPT_FILE [--raw RAW_DIR]
    python -m tests.devset import WORK_DIR
    python -m tests.devset entities ENTITY_DIR

The repo holds no article text: `manifest.json` (URL, outlet, date, provenance, the edits
that turn the stored page excerpt into the article file, SHA-256 of both) and `gold/ID.json`
(annotations by paragraph and character offsets). `rebuild` reads each page excerpt saved
verbatim as RAW_DIR/ID.txt (from the search tool's `pages` corpus, by the manifest's URL),
applies the edits, checks the article's hash (a changed excerpt hash alone, page text around the article
that the stored copy no longer has, is reported but not fatal), and writes DEVSET_DIR/dev and
DEVSET_DIR/test in the layout `python -m loaders.evaluate` scores (ID.txt, ID.quotes.json, …).
`save` checks one re-saved excerpt (EXCERPT_FILE holds it as the search tool's JSON string literal, or as
plain text) against the manifest and writes RAW_DIR/ID.txt when the article cut from it matches its hash
(tests/devset/REBUILDING.md: how a new machine gets its excerpts back).
`import` turns the new articles of an annotator's work folder (raw/, texts/, annot/ with quote texts) into
manifest entries and offset gold, refusing any text that is not a verbatim part of its excerpt.
`entities` adds entity gold (ENTITY_DIR/gold/ID.json: rows with offsets into the parsed paragraphs
in ENTITY_DIR/paras/ID.json) to articles already in the manifest, refusing a row whose surface is
not where its offsets say.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.json"
GOLD = HERE / "gold"
RAW_ENV, OUT_ENV = "DEVSET_RAW", "DEVSET_DIR"
# The unread part of each batch of imported articles: the articles whose URL has the smallest SHA-256,
# TEST_SHARE of the batch, fixed when the batch is imported, before any was read. Articles keep their part
# when later batches are imported.
TEST_SHARE = 0.3
_BLOCKS = re.compile(r"\n[ \t]*\n")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_text(raw: str, entry: dict) -> str:
    """The article file: the `date` header, the title and the paragraphs cut from the excerpt `raw`."""
    edits = entry["edits"]
    title = raw[slice(*edits["title"])] if edits["title"] else ""
    body = "\n\n".join(raw[s:e] for s, e in edits["paragraphs"])
    return f"date {entry['published']}\n{title}\n\n{body}\n"


def blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) in `text` of the title line (index 0) and each body paragraph, as `article_text` lays them."""
    header_end = text.index("\n") + 1
    title_end = text.index("\n", header_end)
    spans = [(header_end, title_end)]
    pos = title_end + 2
    body = text[pos:].rstrip("\n")
    for part in body.split("\n\n"):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 2
    return spans


def locate(text: str, spans: list[tuple[int, int]], needle: str, occurrence: int) -> tuple[int, int, int]:
    """(para_no, start, end) of the `occurrence`-th `needle` in `text`; para_no -1 is the title.

    Occurrences are counted in the whole file; one inside the `date` header line never counts.
    """
    at = -1
    header_end = text.index("\n")
    for _ in range(occurrence):
        at = text.find(needle, at + 1)
        while 0 <= at < header_end:
            at = text.find(needle, at + 1)
        if at < 0:
            raise ValueError(f"{needle[:40]!r} occurs fewer than {occurrence} times")
    for k, (s, e) in enumerate(spans):
        if s <= at and at + len(needle) <= e:
            return k - 1, at - s, at - s + len(needle)
    raise ValueError(f"{needle[:40]!r} crosses a paragraph boundary")


def rebuild(raw_dir: Path, out_dir: Path) -> int:
    """Writes every article and its gold files under out_dir/{dev,test} and out_dir/batches/N/{dev,test};
    returns how many failed their hash."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    failed = 0
    for entry in manifest["articles"]:
        raw_path = raw_dir / f"{entry['id']}.txt"
        if not raw_path.is_file():
            print(f"{entry['id']}: missing {raw_path} (save the excerpt of {entry['url']})", file=sys.stderr)
            failed += 1
            continue
        raw = raw_path.read_text(encoding="utf-8")
        text = article_text(raw, entry)
        if sha256(text) != entry["sha256"]:
            print(f"{entry['id']}: hash mismatch, skipped", file=sys.stderr)
            failed += 1
            continue
        if sha256(raw) != entry["raw_sha256"]:  # the article's own text is what the gold's offsets need
            print(f"{entry['id']}: the page around the article changed since it was saved; the article matches",
                  file=sys.stderr)
        gold = json.loads((GOLD / f"{entry['id']}.json").read_text(encoding="utf-8"))
        files = {f"{entry['id']}.txt": text} | {
            f"{entry['id']}.{table}.json": json.dumps(rows, ensure_ascii=False, indent=1)
            for table, rows in _evaluate_layout(text, gold).items()}
        # out/dev and out/test hold every batch; out/batches/N/{dev,test} one batch, to score it alone
        for folder in (out_dir / entry["split"], out_dir / "batches" / entry["batch"] / entry["split"]):
            folder.mkdir(parents=True, exist_ok=True)
            for name, content in files.items():
                (folder / name).write_text(content, encoding="utf-8")
    print(f"rebuilt {len(manifest['articles']) - failed} of {len(manifest['articles'])} articles into {out_dir}")
    return failed


def _evaluate_layout(text: str, gold: dict) -> dict[str, list]:
    """The gold rows with their text taken back from the article, as loaders.evaluate reads them."""
    spans = blocks(text)

    def cut(row: dict) -> str:
        s, _ = spans[row["para_no"] + 1]
        return text[s + row["start"]: s + row["end"]]

    quotes = [{**row, "text": cut(row)} for row in gold["quotes"]]
    events = [{**row, "expression": cut(row)} for row in gold["events"]]
    amounts = [{**row, "expression": cut(row)} for row in gold["amounts"]]
    out = {"quotes": quotes, "events": events, "amounts": amounts, "themes": gold["themes"]}
    if "entities" in gold:  # annotated for a part of the articles only
        out["entities"] = [{**row, "surface": cut(row)} for row in gold["entities"]]
    return out


def _aligned(para: str, text: str, cursor: int, ident: str) -> list[int]:
    """Where each character of a parsed paragraph lies in the article `text` (from `cursor`), plus its end: the
    parser collapses runs of spaces, so a space of the paragraph may stand for several of the text."""
    start = re.compile(r"\s+".join(map(re.escape, para[:40].split()))).search(text, cursor)
    if not start:
        raise SystemExit(f"{ident}: a parsed paragraph is not in the article")
    places, t = [], start.start()
    for ch in para:
        if ch.isspace():
            while t < len(text) and text[t].isspace() and t + 1 < len(text) and text[t + 1].isspace():
                t += 1
        if t >= len(text) or (text[t] != ch and not (ch.isspace() and text[t].isspace())):
            raise SystemExit(f"{ident}: a parsed paragraph differs from the article beyond spacing")
        places.append(t)
        t += 1
    return places + [t]


def save_excerpt(ident: str, source: Path, raw_dir: Path) -> str:
    """Checks the excerpt in `source` (a JSON string literal as the search tool prints it, or plain text) against
    the manifest entry `ident` and writes raw_dir/ID.txt when the article cut from it has the recorded hash;
    returns what happened, in one line."""
    entry = {e["id"]: e for e in json.loads(MANIFEST.read_text(encoding="utf-8"))["articles"]}[ident]
    written = source.read_text(encoding="utf-8")
    raw = json.loads(written.strip("\n")) if written.lstrip("\n").startswith('"') else written
    if sha256(article_text(raw, entry)) != entry["sha256"]:
        paragraphs = entry["edits"]["paragraphs"]
        return (f"{ident}: MISMATCH (the excerpt is {len(raw)} characters; the article must reach offset "
                f"{max(end for _, end in paragraphs)}); check it character by character")
    raw_dir.mkdir(parents=True, exist_ok=True)
    (raw_dir / f"{ident}.txt").write_text(raw, encoding="utf-8", newline="")
    same_page = sha256(raw) == entry["raw_sha256"]
    return f"{ident}: OK" + ("" if same_page else " (the article matches; the page around it changed)")


def import_entities(folder: Path, texts: Path) -> None:
    """Adds ENTITY_DIR's entity rows to the gold of the articles it annotated: offsets into the parser's
    paragraphs (paras/ID.json) become offsets into the article's blocks, as every gold row has them. `texts`
    is the rebuilt set (DEVSET_DIR)."""
    manifest = {e["id"]: e for e in json.loads(MANIFEST.read_text(encoding="utf-8"))["articles"]}
    done = 0
    for path in sorted((folder / "gold").glob("*.json")):
        ident = path.stem
        text = (texts / manifest[ident]["split"] / f"{ident}.txt").read_text(encoding="utf-8")
        if sha256(text) != manifest[ident]["sha256"]:
            raise SystemExit(f"{ident}: the rebuilt text's hash differs from the manifest's")
        paras = json.loads((folder / "paras" / f"{ident}.json").read_text(encoding="utf-8"))
        spans = blocks(text)
        rows, cursor, where = [], 0, []
        for para in paras:  # each parsed paragraph's characters' places in the article, in order
            where.append(_aligned(para, text, cursor, ident))
            cursor = where[-1][-1]
        for row in json.loads(path.read_text(encoding="utf-8")):
            absolute = where[row["para_no"]][row["start"]]
            block = next(i for i, (s, e) in enumerate(spans) if s <= absolute < e)
            start = absolute - spans[block][0]
            end = where[row["para_no"]][row["end"] - 1] + 1 - spans[block][0]
            if " ".join(text[spans[block][0] + start: spans[block][0] + end].split()) != row["surface"]:
                raise SystemExit(f"{ident}: entity {row['surface']!r} is not at its offsets")
            rows.append({"para_no": block - 1, "start": start, "end": end, "kind": row["kind"], "name": row["name"]})
        gold_path = GOLD / f"{ident}.json"
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        gold["entities"] = rows
        gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        done += 1
    print(f"added entity gold to {done} articles")


def import_work(work: Path) -> None:
    """Adds the annotated articles in `work` that the manifest does not list yet as a new batch, with their gold
    files. Articles already listed are left as they are: their gold may carry corrections and entity rows
    that the work folder's first annotation lacks."""
    annots = sorted((work / "annot").glob("*.json"))
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8")) if MANIFEST.exists() else {"batches": {}}
    known = {e["id"]: e for e in manifest.get("articles", [])}
    batches = manifest["batches"]
    new = [p for p in annots if p.stem not in known]
    batch = str(max(map(int, batches), default=0) + 1)
    order = sorted(new, key=lambda p: sha256(json.loads(p.read_text(encoding="utf-8"))["url"]))
    unread = {p.stem for p in order[:round(TEST_SHARE * len(new))]}
    if new:
        batches[batch] = {"articles": len(new), "test": len(unread)}
    entries = []
    GOLD.mkdir(exist_ok=True)
    for path in new:
        annot = json.loads(path.read_text(encoding="utf-8"))
        ident = annot["id"]
        raw = (work / "raw" / f"{ident}.txt").read_text(encoding="utf-8")
        made = (work / "texts" / f"{ident}.txt").read_text(encoding="utf-8")
        entry = {
            "id": ident, "url": annot["url"], "outlet": annot["outlet"], "published": annot["published"],
            "date_from": annot.get("date_from", ""), "query": annot.get("query", ""),
            "source": "search tool, corpus 'pages': the stored page's opening excerpt",
            "batch": batch, "split": "test" if ident in unread else "dev",
            "edits": _edits(raw, made), "raw_sha256": sha256(raw),
        }
        text = article_text(raw, entry)
        entry["sha256"] = sha256(text)
        spans = blocks(text)
        gold = {"quotes": [], "events": [], "amounts": [], "themes": sorted(annot.get("themes", []))}
        for table, key, fields in (("quotes", "text", ("kind", "speaker", "speaker_role", "side")),
                                   ("events", "expression", ("date", "date_end", "precision")),
                                   ("amounts", "expression", ("kind", "value", "currency"))):
            for row in annot.get(table, []):
                para, start, end = locate(text, spans, row[key], int(row.get("occurrence", 1)))
                gold[table].append({"para_no": para, "start": start, "end": end, **{f: row.get(f, "") for f in fields}})
        (GOLD / f"{ident}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        entries.append(entry)
    entries += [e for ident, e in known.items() if ident not in {x["id"] for x in entries}]
    entries.sort(key=lambda e: e["id"])
    MANIFEST.write_text(json.dumps({"batches": batches, "articles": entries}, ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
    print(f"the set holds {len(entries)} articles; new batch: {len(new)} ({len(unread)} in its unread test part)")


def _edits(raw: str, made: str) -> dict:
    """Where the title and each paragraph of the article file `made` lie in the excerpt `raw`.

    Every piece must be a verbatim substring of `raw`, found in order: the only edits allowed are
    dropping what is not the article and breaking it into title and paragraphs.
    """
    lines = made.split("\n", 2)
    title, body = lines[1], lines[2].strip("\n") if len(lines) > 2 else ""
    pos = 0

    def find(piece: str) -> list[int]:
        nonlocal pos
        at = raw.find(piece, pos)
        if at < 0:
            at = raw.find(piece)
        if at < 0:
            raise ValueError(f"not a verbatim part of the excerpt: {piece[:60]!r}")
        pos = at + len(piece)
        return [at, at + len(piece)]

    return {"title": find(title) if title else None,
            "paragraphs": [find(p) for p in (b.strip() for b in _BLOCKS.split(body)) if p]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.devset", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rb = sub.add_parser("rebuild", help="rebuild the article texts and gold files outside the repo")
    rb.add_argument("--raw", type=Path, default=os.environ.get(RAW_ENV), help=f"saved excerpts (default ${RAW_ENV})")
    rb.add_argument("--out", type=Path, default=os.environ.get(OUT_ENV), help=f"output folder (default ${OUT_ENV})")
    sv = sub.add_parser("save", help="check one re-saved page excerpt and write it to the raw folder")
    sv.add_argument("ident")
    sv.add_argument("source", type=Path)
    sv.add_argument("--raw", type=Path, default=os.environ.get(RAW_ENV), help=f"saved excerpts (default ${RAW_ENV})")
    im = sub.add_parser("import", help="add annotated articles from a work folder (raw/, texts/, annot/)")
    im.add_argument("work", type=Path)
    en = sub.add_parser("entities", help="add entity gold (gold/, paras/) to articles already in the set")
    en.add_argument("folder", type=Path)
    en.add_argument("--texts", type=Path, default=os.environ.get(OUT_ENV), help=f"rebuilt set (default ${OUT_ENV})")
    args = parser.parse_args(argv)
    if args.command == "entities":
        if not args.texts:
            parser.error(f"entities needs --texts (or ${OUT_ENV})")
        import_entities(args.folder, args.texts)
        return 0
    if args.command == "save":
        if not args.raw:
            parser.error(f"save needs --raw (or ${RAW_ENV})")
        line = save_excerpt(args.ident, args.source, args.raw)
        print(line)
        return 0 if ": OK" in line else 1
    if args.command == "import":
        import_work(args.work)
        return 0
    if not args.raw or not args.out:
        parser.error(f"rebuild needs --raw and --out (or ${RAW_ENV} and ${OUT_ENV})")
    return 1 if rebuild(args.raw, args.out) else 0


if __name__ == "__main__":
    sys.exit(main())
