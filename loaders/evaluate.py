"""Score the extractors against a hand-annotated gold set: `python -m loaders.evaluate GOLD_DIR [--json]`.

For every GOLD_DIR/NAME.txt the article is loaded with `load_corpus` and compared with
NAME.quotes.json and, where present, NAME.mentions.json, NAME.events.json and
NAME.amounts.json (JSON lists of objects; see tests/gold).

Quotes: a predicted and a gold quote match when they come from the same article file,
have the same kind, and their normalised texts (casefolded, whitespace collapsed,
punctuation stripped at both ends) are equal, or one contains the other and they share at
least 80% of their tokens (|common| / |larger token set|). Every predicted row carries the
rule that found it (quotes.rule): the report counts rows per rule, and `-v` lists misses,
spurious rows and wrong speakers grouped by rule. A candidate in the same para_no
is preferred; paragraph numbers may differ by the title line or a credit line the parser
drops. In the development set's layout a predicted quote over several paragraphs counts
as one quote per paragraph, as that set annotates it (tests/devset/CONVENTIONS.md). Each quote matches at most once (greedy, in order). Reported: precision, recall and F1 of
detection; speaker accuracy over matched gold quotes (predicted speaker == gold speaker,
"" == "" included); role and side accuracy over the same matches.
Mentions, events and amounts are scored as multisets of tuples:
mentions (para_no, theme, term casefolded); events (para_no, date, date_end, precision);
amounts (para_no, kind, value rounded to 6 significant digits, currency); events and amounts
are compared per article file without para_no when the gold set marks its paragraphs from
the file's layout (NAME.themes.json present: the real-news development set). Mentions are
scored over the themes the folder's gold mentions use, so a set annotated for the value
chains only is not charged with the cross-cutting themes it never annotated. Article value
chains (NAME.themes.json, a list) are scored as (file, chain) pairs against the chains with
at least one mention in the article. Entities (NAME.entities.json, where present) are scored as
multisets of (para_no, kind, surface casefolded), without para_no in the development set's
layout, per kind and in all; of the detections that match, `name_accuracy` is the share whose
canonical name agrees with the gold's (casefolded).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

VALUE_CHAINS = ("raw materials", "batteries", "hydrogen")
_SPACE_RE = re.compile(r"\s+")
_EDGE_PUNCT = " \t\n.,;:!?…\"'“”«»‘’„‚()[]-–—"
_TOKEN_RE = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Casefolded text with whitespace collapsed and punctuation stripped at both ends."""
    return _SPACE_RE.sub(" ", str(text).casefold()).strip(_EDGE_PUNCT)


def texts_match(a: str, b: str) -> bool:
    """The quote text rule: equal normalised texts, or containment with token overlap >= 0.8."""
    na, nb = normalise(a), normalise(b)
    if na == nb:
        return bool(na)
    if not na or not nb or (na not in nb and nb not in na):
        return False
    ta, tb = set(_TOKEN_RE.findall(na)), set(_TOKEN_RE.findall(nb))
    return len(ta & tb) / max(len(ta), len(tb), 1) >= 0.8


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 (1.0 for an empty prediction against an empty gold set)."""
    precision = tp / n_pred if n_pred else float(n_gold == 0)
    recall = tp / n_gold if n_gold else float(n_pred == 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "predicted": n_pred, "gold": n_gold}


def match_quotes(pred: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs (gold, predicted) matched by the quote rule, each quote used at most once."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        found = [i for i, p in enumerate(pred)
                 if i not in used and p.get("file") == g.get("file") and p["kind"] == g["kind"]
                 and texts_match(p["text"], g["text"])]
        if found:
            same_para = [i for i in found if int(pred[i]["para_no"]) == int(g["para_no"])]
            i = (same_para or found)[0]
            used.add(i)
            pairs.append((g, pred[i]))
    return pairs


def score_quotes(pred: list[dict], gold: list[dict]) -> dict:
    """Detection P/R/F1 and speaker, role and side accuracy over matched gold quotes."""
    pairs = match_quotes(pred, gold)
    out = {"detection": prf(len(pairs), len(pred), len(gold))}
    for key, field in (("speaker_accuracy", "speaker"), ("role_accuracy", "speaker_role"), ("side_accuracy", "side")):
        hits = sum(str(g.get(field, "")) == str(p.get(field, "")) for g, p in pairs)
        out[key] = hits / len(pairs) if pairs else 0.0
    for kind in ("direct", "reported"):
        k_pairs = [(g, p) for g, p in pairs if g["kind"] == kind]
        n_gold = sum(g["kind"] == kind for g in gold)
        right = [str(g.get("speaker", "")) == str(p.get("speaker", "")) for g, p in k_pairs]
        sides = [str(g.get("side", "")) == str(p.get("side", "")) for g, p in k_pairs]
        out[kind] = {"detection": prf(len(k_pairs), sum(p["kind"] == kind for p in pred), n_gold),
                     "speaker_of_gold": sum(right) / n_gold if n_gold else 0.0,
                     "speaker_accuracy": sum(right) / len(k_pairs) if k_pairs else 0.0,
                     "side_accuracy": sum(sides) / len(k_pairs) if k_pairs else 0.0}
    out["misses"] = [g for g in gold if not any(g is m for m, _ in pairs)]
    matched = {id(p) for _, p in pairs}
    out["spurious"] = [p for p in pred if id(p) not in matched]
    out["wrong_speaker"] = [(g, p) for g, p in pairs if str(g.get("speaker", "")) != str(p.get("speaker", ""))]
    return out


def _key(table: str, row: dict, with_para: bool = True) -> tuple:
    if not with_para:
        return _key(table, row)[1:]
    if table == "mentions":
        return (int(row["para_no"]), str(row["theme"]), str(row["term"]).casefold())
    if table == "events":
        return (int(row["para_no"]), str(row["date"])[:10], str(row["date_end"])[:10], str(row["precision"]))
    if table == "entities":
        return (int(row["para_no"]), str(row["kind"]), str(row["surface"]).casefold())
    value = float(row["value"])
    return (int(row["para_no"]), str(row["kind"]), float(f"{value:.6g}"), str(row.get("currency", "") or ""))


def score_multiset(table: str, pred: list[dict], gold: list[dict], with_para: bool = True) -> dict:
    """P/R/F1 of `table` rows compared as multisets of key tuples (file included), with the rows missed."""
    cp = Counter((r.get("file"),) + _key(table, r, with_para) for r in pred)
    cg = Counter((r.get("file"),) + _key(table, r, with_para) for r in gold)
    out = prf(sum((cp & cg).values()), sum(cp.values()), sum(cg.values()))
    out["missed"] = sorted(str(k) for k in (cg - cp).elements())
    out["spurious"] = sorted(str(k) for k in (cp - cg).elements())
    return out


def score_chains(pred: set[tuple[str, str]], gold: set[tuple[str, str]]) -> dict:
    """P/R/F1 of (file, value chain) pairs."""
    out = prf(len(pred & gold), len(pred), len(gold))
    out["missed"], out["spurious"] = sorted(map(str, gold - pred)), sorted(map(str, pred - gold))
    return out


def _records(frame: pd.DataFrame, name: str) -> list[dict]:
    rows = frame.astype(object).where(frame.notna(), "").to_dict("records")
    for row in rows:
        row["file"] = name
    return rows


def per_paragraph(quotes: list[dict]) -> list[dict]:
    """Quote rows with a quote over several paragraphs split into one row per paragraph, as gold sets count them."""
    out = []
    for row in quotes:
        parts = str(row["text"]).split("\n\n")
        out.extend(dict(row, text=part, para_no=int(row["para_no"]) + k) for k, part in enumerate(parts))
    return out


def evaluate(gold_dir: str | Path) -> dict:
    """Scores of the whole gold folder: quotes plus mentions, events and amounts where annotated."""
    from loaders import load_corpus

    gold_dir = Path(gold_dir)
    pred: dict[str, list[dict]] = {t: [] for t in ("quotes", "mentions", "events", "amounts", "entities")}
    gold: dict[str, list[dict]] = {t: [] for t in pred}
    files = sorted(gold_dir.glob("*.txt"))
    chains_pred: set[tuple[str, str]] = set()
    chains_gold: set[tuple[str, str]] = set()
    layout_paras = any(gold_dir.glob("*.themes.json"))  # the development set's layout: one quote row per paragraph
    for path in files:
        name = path.stem
        corpus = load_corpus(path, cache_dir=False)
        for table in pred:
            gold_path = gold_dir / f"{name}.{table}.json"
            if not gold_path.exists():
                continue
            gold[table] += [dict(row, file=name) for row in json.loads(gold_path.read_text(encoding="utf-8"))]
            rows = _records(getattr(corpus, table), name)
            pred[table] += per_paragraph(rows) if table == "quotes" and layout_paras else rows
        themes_path = gold_dir / f"{name}.themes.json"
        if themes_path.exists():
            chains_gold |= {(name, c) for c in json.loads(themes_path.read_text(encoding="utf-8"))}
            chains_pred |= {(name, str(t)) for t in corpus.mentions["theme"].unique() if str(t) in VALUE_CHAINS}
    result: dict = {"files": len(files)}
    quotes = score_quotes(pred["quotes"], gold["quotes"])
    result["quotes"] = {k: v for k, v in quotes.items() if k not in ("misses", "spurious", "wrong_speaker")}
    result["quote_rules"] = rule_table(pred["quotes"], quotes)
    result["quote_errors"] = quote_errors(pred["quotes"], quotes)
    annotated = {str(row["theme"]) for row in gold["mentions"]}
    pred["mentions"] = [row for row in pred["mentions"] if str(row["theme"]) in annotated]
    result["mention_themes"] = sorted(annotated)
    for table in ("mentions", "events", "amounts"):
        result[table] = score_multiset(table, pred[table], gold[table], with_para=not layout_paras)
    if layout_paras:
        result["chains"] = score_chains(chains_pred, chains_gold)
    if gold["entities"]:
        result["entities"] = score_entities(pred["entities"], gold["entities"], with_para=not layout_paras)
    return result


ENTITY_KINDS = ("organisation", "project", "place")


def score_entities(pred: list[dict], gold: list[dict], with_para: bool = True) -> dict:
    """P/R/F1 of entity detection, in all (`all`) and per kind, and the name accuracy of the matches."""
    out = {"all": score_multiset("entities", pred, gold, with_para)}
    for kind in ENTITY_KINDS:
        out[kind] = score_multiset("entities", [r for r in pred if r["kind"] == kind],
                                   [r for r in gold if r["kind"] == kind], with_para)

    def named(rows: list[dict]) -> Counter:
        return Counter((r.get("file"),) + _key("entities", r, with_para) + (str(r["name"]).casefold(),) for r in rows)

    matched = out["all"]["tp"]
    out["name_accuracy"] = sum((named(pred) & named(gold)).values()) / matched if matched else 0.0
    return out


def _rule(row: dict) -> str:
    return str(row.get("rule", "") or "?")


def rule_table(pred: list[dict], scored: dict) -> dict[str, dict[str, int]]:
    """Per quote rule: rows predicted, rows matching a gold quote, and of those with the right speaker."""
    table: dict[str, dict[str, int]] = {}
    spurious = {id(p) for p in scored["spurious"]}
    wrong = {id(p) for _, p in scored["wrong_speaker"]}
    for row in pred:
        counts = table.setdefault(_rule(row), {"predicted": 0, "matched": 0, "right_speaker": 0})
        counts["predicted"] += 1
        if id(row) not in spurious:
            counts["matched"] += 1
            counts["right_speaker"] += id(row) not in wrong
    return dict(sorted(table.items()))


def quote_errors(pred: list[dict], scored: dict) -> dict[str, dict[str, list[str]]]:
    """Missed, spurious and wrongly attributed quotes, grouped by the rule that produced the row.

    A missed gold quote is filed under the rule of a predicted row of the same kind in the same
    file and paragraph that overlaps it (found with other boundaries), else under "(not found)".
    """
    groups: dict[str, dict[str, list[str]]] = {}

    def add(rule: str, kind: str, item: str) -> None:
        groups.setdefault(rule, {"missed": [], "spurious": [], "wrong_speaker": []})[kind].append(item)

    for g in scored["misses"]:
        near = next((p for p in pred if p.get("file") == g.get("file") and p["kind"] == g["kind"]
                     and int(p["para_no"]) == int(g["para_no"]) and _overlap(p["text"], g["text"])), None)
        add(_rule(near) if near else "(not found)", "missed", _brief(g))
    for p in scored["spurious"]:
        add(_rule(p), "spurious", _brief(p))
    for g, p in scored["wrong_speaker"]:
        add(_rule(p), "wrong_speaker", f"{_brief(g)} -> {p.get('speaker', '')!r} (gold {g.get('speaker', '')!r})")
    return dict(sorted(groups.items()))


def _overlap(a: str, b: str) -> bool:
    ta, tb = set(_TOKEN_RE.findall(normalise(a))), set(_TOKEN_RE.findall(normalise(b)))
    return len(ta & tb) >= 0.5 * min(len(ta), len(tb)) > 0


def _brief(row: dict) -> str:
    return f"{row.get('file')}:{row.get('para_no')} {row.get('kind')} {str(row.get('text', ''))[:50]!r}"


def _report(result: dict, verbose: bool = False) -> str:
    q = result["quotes"]
    lines = [f"gold files: {result['files']}"]
    d = q["detection"]
    lines.append(f"quotes     P={d['precision']:.3f} R={d['recall']:.3f} F1={d['f1']:.3f} "
                 f"(tp={d['tp']} predicted={d['predicted']} gold={d['gold']})")
    lines.append(f"speaker accuracy={q['speaker_accuracy']:.3f} role accuracy={q['role_accuracy']:.3f} "
                 f"side accuracy={q['side_accuracy']:.3f}")
    for kind in ("direct", "reported"):
        k, d = q[kind], q[kind]["detection"]
        lines.append(f"  {kind:<9} P={d['precision']:.3f} R={d['recall']:.3f} F1={d['f1']:.3f} (gold={d['gold']}) "
                     f"speaker of gold={k['speaker_of_gold']:.3f} speaker={k['speaker_accuracy']:.3f} "
                     f"side={k['side_accuracy']:.3f}")
    for table in ("mentions", "events", "amounts", "chains"):
        s = result.get(table)
        if s is None or (table == "mentions" and not s["gold"]):
            continue
        lines.append(f"{table:<10} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
                     f"(tp={s['tp']} predicted={s['predicted']} gold={s['gold']})")
    if "entities" in result:
        for kind in ("all", *ENTITY_KINDS):
            s = result["entities"][kind]
            lines.append(f"entities {kind:<12} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
                         f"(tp={s['tp']} predicted={s['predicted']} gold={s['gold']})")
        lines.append(f"entity names agreeing with the gold's, of those found: {result['entities']['name_accuracy']:.3f}")
    if result["mentions"]["gold"]:
        lines.append(f"(mentions scored over the themes the gold set annotates: {', '.join(result['mention_themes'])})")
    lines.append("quote rules (predicted / matching gold / right speaker):")
    lines.extend(f"  {rule:<26} {c['predicted']:>5} {c['matched']:>5} {c['right_speaker']:>5}"
                 for rule, c in result["quote_rules"].items())
    if verbose:
        for rule, kinds in result["quote_errors"].items():
            for kind, items in kinds.items():
                lines.extend(f"  [{rule}] {kind}: {item}" for item in items)
        for table in ("events", "amounts", "chains"):
            if table in result:
                lines.extend(f"  {table} missed: {item}" for item in result[table]["missed"])
                lines.extend(f"  {table} spurious: {item}" for item in result[table]["spurious"])
        if "entities" in result:
            lines.extend(f"  entities missed: {item}" for item in result["entities"]["all"]["missed"])
            lines.extend(f"  entities spurious: {item}" for item in result["entities"]["all"]["spurious"])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """CLI entry point: print the scores of GOLD_DIR as text or, with --json, as JSON."""
    parser = argparse.ArgumentParser(prog="python -m loaders.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss, spurious row and wrong speaker")
    args = parser.parse_args(argv)
    if not args.gold_dir.is_dir():
        parser.error(f"not a folder: {args.gold_dir}")
    result = evaluate(args.gold_dir)
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else _report(result, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
