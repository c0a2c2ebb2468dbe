"""Chart builders: corpus tables in, aggregated frame or figure out. No Streamlit.

Each `*_counts`/`*_table` function aggregates (so the browser only ever receives a
few hundred points) and each `*_figure` function draws an aggregate. Colours are
fixed per value chain and per side, mid-saturation so they read on light and dark
backgrounds. Text that ends up in a plotly hover label is HTML-escaped first
(plotly interprets a subset of HTML there).

Pages import this package only (`from ui import charts`); the modules split it by
job: style (colours, layout), timeline (coverage over time), themes (chains and
themes), dates (the dates articles mention), quotes (speakers and sides), framing (the
words each side uses more) and who (people, organisations, projects); pages call these two as
`charts.framing` and `charts.who`.
"""

from ui.charts import framing, who
from ui.charts.quotes import (
    SPEAKER_KEY, explode_themes, people_figure, quotes_per_chain, side_chains, side_chains_figure, speaker_chains,
    speaker_chains_figure, speakers_figure, speakers_table,
)
from ui.charts.dates import DateIndex, LeftOut, coverage_caption, date_index, event_markers, is_precise, timeline_markers
from ui.charts.style import (
    BAR_MS, CHAIN_COLORS, FREQS, NONE, SEVERAL, SIDE_COLORS, SIDE_NAMES, UNSPECIFIED, chain_color, chain_colors,
    chain_order, count_axis,
)
from ui.charts.themes import (
    chain_mix, cooccurrence, cooccurrence_figure, cross_figure, cross_themes, mix_figure, terms_figure, top_terms,
)
from ui.charts.timeline import (
    article_chains, chain_share, coverage_counts, coverage_figure, coverage_span, default_freq, main_chain, period_start,
    share_figure,
)

__all__ = [
    "framing", "who",
    "SPEAKER_KEY", "BAR_MS", "CHAIN_COLORS", "FREQS", "NONE", "SEVERAL", "SIDE_COLORS", "SIDE_NAMES", "UNSPECIFIED", "DateIndex", "LeftOut",
    "article_chains", "chain_color", "chain_colors", "chain_mix", "chain_order", "chain_share", "cooccurrence",
    "cooccurrence_figure", "count_axis", "coverage_caption", "coverage_counts", "coverage_figure", "coverage_span",
    "cross_figure", "cross_themes", "date_index", "default_freq", "event_markers", "explode_themes", "is_precise", "main_chain",
    "mix_figure", "people_figure", "period_start", "quotes_per_chain", "share_figure", "side_chains",
    "side_chains_figure", "speaker_chains", "speaker_chains_figure", "speakers_figure", "speakers_table",
    "terms_figure", "timeline_markers", "top_terms",
]
