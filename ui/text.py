"""Safe text rendering: article text highlighted as escaped HTML, and literal text for Markdown.

Untrusted article text never reaches the browser unescaped: `highlight` escapes every
character it outputs and only wraps the escaped pieces in tags it builds itself.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

import pandas as pd

# Backgrounds are translucent and text colour is inherited, so marks read in light and dark themes.
STYLES: dict[str, str] = {
    "quote": "background:rgba(245,158,11,0.30);",
    "term": "box-shadow:inset 0 -3px 0 rgba(20,184,166,0.85);",
    "date": "text-decoration:underline dotted 2px rgba(99,102,241,0.95);text-underline-offset:3px;",
    "amount": "font-weight:700;text-decoration:underline double rgba(236,72,153,0.9);",
    "search": "outline:2px solid rgba(59,130,246,0.9);outline-offset:1px;",
}
_BASE = "color:inherit;background:transparent;padding:0;border-radius:2px;"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'=^@%])")
_MAX_PARAGRAPHS_PER_QUOTE = 12

Span = tuple[int, int, str] | tuple[int, int, str, str]


def highlight(text: str, spans: Sequence[Span]) -> str:
    """HTML of `text` with each span (start, end, kind[, label]) wrapped in a styled <mark>.

    Every character of `text` is HTML-escaped. Spans may overlap or nest: the text
    is cut at every span boundary and each piece carries the styles and labels of
    all spans covering it. Offsets are clamped to the text; empty spans are ignored.
    Kinds outside STYLES get a plain mark.
    """
    size = len(text)
    clean: list[tuple[int, int, str, str]] = []
    for span in spans:
        start, end, kind = max(0, int(span[0])), min(size, int(span[1])), str(span[2])
        if start < end:
            clean.append((start, end, kind, str(span[3]) if len(span) > 3 else ""))
    if not clean:
        return html.escape(text)
    cuts = sorted({0, size, *(s for s, _, _, _ in clean), *(e for _, e, _, _ in clean)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = html.escape(text[a:b])
        covering = [c for c in clean if c[0] <= a and b <= c[1]]
        if not covering:
            out.append(piece)
            continue
        kinds = list(dict.fromkeys(kind for _, _, kind, _ in covering))
        style = _BASE + "".join(STYLES.get(kind, "") for kind in kinds)
        labels = "; ".join(dict.fromkeys(label or kind for _, _, kind, label in covering))
        classes = " ".join(f"hl-{re.sub(r'[^a-z0-9_-]', '', k.lower())}" for k in kinds)
        out.append(
            f'<mark class="{classes}" style="{style}" title="{html.escape(labels, quote=True)}">{piece}</mark>'
        )
    return "".join(out)


def md_escape(text: str) -> str:
    """`text` with Markdown (and Streamlit's :directive[], $math$) syntax backslash-escaped, newlines as spaces."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.splitlines()))


def quote_spans(
    paragraphs: Sequence[str], para_no: int, start: int, end: int, quote: str
) -> list[tuple[int, int, int]]:
    """The (para_no, start, end) pieces a quote covers, for quotes running over several paragraphs.

    A quote is stored by its first paragraph, start offset there and end offset in its
    last paragraph; the last paragraph is the one whose covered length best matches
    the quote's text (articles join paragraphs with a blank line). [] when the
    offsets fit no paragraph.
    """
    if not 0 <= para_no < len(paragraphs) or start < 0 or end < 0:
        return []
    first = len(paragraphs[para_no])
    best: tuple[int, int] | None = None
    if start < end <= first:
        best = (abs(end - start - len(quote)), para_no)
    covered = first - start
    last = min(len(paragraphs), para_no + _MAX_PARAGRAPHS_PER_QUOTE)
    for k in range(para_no + 1, last):
        if end <= len(paragraphs[k]) and start <= first:
            score = (abs(covered + 2 + end - len(quote)), k)
            if best is None or score < best:
                best = score
        covered += 2 + len(paragraphs[k])
    if best is None:
        return []
    k = best[1]
    if k == para_no:
        return [(para_no, start, end)]
    middle = [(j, 0, len(paragraphs[j])) for j in range(para_no + 1, k)]
    return [(para_no, start, first), *middle, (k, 0, end)]


# Cells a spreadsheet would evaluate as a formula (OWASP, "CSV Injection"): a leading =, +, -, @, tab or CR.
_FORMULA_START = re.compile(r"^[=+\-@\t\r]")


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` for export: every text cell that a spreadsheet would run as a formula gets a leading `'`.

    The quote makes the cell literal text in Excel, LibreOffice and Sheets; a carriage return becomes a line
    break inside the cell (written bare, it would start a new row); numbers and dates are left alone.
    """
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or isinstance(out[col].dtype, (pd.StringDtype, pd.CategoricalDtype)):
            values = out[col].astype("string")
            risky = values.str.contains(_FORMULA_START, na=False)
            if risky.any():
                values = values.mask(risky, "'" + values)
            if values.str.contains("\r", regex=False, na=False).any():  # a bare CR is written unquoted: a new row
                values = values.str.replace("\r\n", "\n", regex=False).str.replace("\r", "\n", regex=False)
            out[col] = values
    return out


def csv_download(frame: pd.DataFrame) -> bytes:
    """The bytes of every CSV download: `frame` made `spreadsheet_safe`, in UTF-8 with a byte-order mark.

    Without the mark Excel reads the file in the system's legacy code page and garbles accented names
    ("Aleška Simkić"); with it, Excel, LibreOffice and Sheets all read UTF-8, and pandas with `utf-8-sig`.
    """
    return spreadsheet_safe(frame).to_csv(index=False).encode("utf-8-sig")


def counted(n: int, noun: str) -> str:
    """"1 article", "2,345 articles": a count with its noun in the number it takes."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"
