"""Synthetic benchmark corpus in the seed article format.

`python -m benchmarks.corpus N DIR [--seed S]` writes N files named
`000123_<16 hex>.txt`. Each starts with ` date YYYY-MM-DD`, then either a title
line and a blank line or the body on the same line; paragraphs are separated by
blank lines; the body may open with a dateline and end with a `Photo:` credit.

Material: the seed paragraphs (read from data/articles at run time, years
shifted now and then) mixed with paragraphs generated from the templates below,
which are our own wording. Body lengths follow a lognormal target (mean 305
words, clipped to 80-1500) that the last paragraph overshoots, so files average
~330 words and ~2.1 KB, like the seeds. A small share of files are exact
duplicates of an earlier file or bad (no date header, impossible date) so the
rejected path is exercised.
The output depends only on N, the seed and the seed articles.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import os
import random
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

SEED_DIR = Path(__file__).resolve().parent.parent / "data" / "articles"

MEAN_WORDS = 305
MIN_WORDS, MAX_WORDS = 80, 1500
SIGMA = 0.55
MU = math.log(MEAN_WORDS) - SIGMA * SIGMA / 2
DUPLICATE_RATE = 0.01
NO_HEADER_RATE = 0.004
BAD_DATE_RATE = 0.004
FIRST_DAY = date(2019, 1, 1).toordinal()
LAST_DAY = date(2026, 12, 31).toordinal()

_HEADER = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}[ \t]*")
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,30}"
    r"(?:\. [A-Z]{3,}\s+|,[^–\n-]{0,40}?\s[–-]\s+|\s[–-]\s+)"
)
_BLOCKS = re.compile(r"\n\s*\n")
_YEAR = re.compile(r"\b20(?:1[5-9]|2[0-9])\b")

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)

# (name, pronoun, role, side)
EU_PEOPLE = (
    ("Katrin Vollmer", "she", "EU Commissioner for Energy", "EU"),
    ("Paolo Rinaldi", "he", "Executive Vice-President of the European Commission", "EU"),
    ("Tomas Lindgren", "he", "EU Ambassador to Kazakhstan", "EU"),
    ("Eva Kranjc", "she", "EU Commissioner for International Partnerships", "EU"),
    ("Jean-Luc Moreau", "he", "EU Special Representative for Central Asia", "EU"),
    ("Lucia Ferraro", "she", "Vice-President of the European Investment Bank", "EU"),
    ("Dirk Van den Broeck", "he", "head of the European Raw Materials Alliance", "EU"),
    ("Agnieszka Wrona", "she", "Director for Raw Materials at the European Commission", "EU"),
)
KZ_PEOPLE = (
    ("Yerlan Abenov", "he", "Minister of Industry and Construction of Kazakhstan", "KZ"),
    ("Aigerim Sultanbekova", "she", "Vice Minister of Energy of Kazakhstan", "KZ"),
    ("Nurlan Zhaksylykov", "he", "chairman of KazMunayGas", "KZ"),
    ("Dana Ospanova", "she", "Deputy Prime Minister of Kazakhstan", "KZ"),
    ("Marat Kenzhebayev", "he", "Minister of Ecology and Natural Resources", "KZ"),
    ("Askar Temirkhanov", "he", "chairman of the board of Kazakh Invest", "KZ"),
    ("Gulnara Iskakova", "she", "head of the National Geological Service", "KZ"),
    ("Timur Akhmetov", "he", "chief executive of Tau-Ken Samruk", "KZ"),
    ("Saule Nurpeisova", "she", "akim of Atyrau region", "KZ"),
)
OTHER_PEOPLE = (
    ("Rachel Okafor", "she", "a commodities analyst at a London consultancy", "other"),
    ("Daniel Weiss", "he", "managing director of a German electrolyser maker", "other"),
    ("Mei Lin Zhou", "she", "a researcher at a Singapore energy institute", "other"),
)
PEOPLE = EU_PEOPLE + KZ_PEOPLE + OTHER_PEOPLE

PLACES = (
    "Astana", "Almaty", "Brussels", "Atyrau", "Karaganda", "Shymkent", "Pavlodar",
    "Aktobe", "Ust-Kamenogorsk", "Aktau", "Luxembourg", "Berlin", "Samarkand",
)
REGIONS = (
    "East Kazakhstan", "Karaganda region", "Mangystau", "Aktobe region", "Kostanay region",
    "Ulytau region", "Pavlodar region", "Atyrau region", "Zhambyl region",
)
SOURCES = ("Kazinform", "The Astana Times", "Trend", "Reuters", "Interfax-Kazakhstan", "Kursiv")
CREDITS = ("primeminister.kz", "gov.kz", "akorda.kz", "ec.europa.eu", "Kazinform", "the ministry's press service")
COMPANIES = (
    "Tau-Ken Samruk", "Kazatomprom", "KazMunayGas", "Samruk-Kazyna", "ERG", "Kazakhmys",
    "a Belgian recycling group", "a German engineering company", "a French mining firm",
    "Svevind Energy", "an Italian battery start-up", "a Finnish cathode producer",
)
MINERALS = (
    "lithium", "tungsten", "rare earth elements", "cobalt", "titanium", "beryllium",
    "tantalum", "niobium", "copper", "graphite", "manganese", "vanadium", "gallium", "nickel",
)
INSTITUTIONS = (
    "the European Commission", "the EU Delegation to Kazakhstan", "the Ministry of Industry and Construction",
    "the European Bank for Reconstruction and Development", "the European Investment Bank",
    "Kazakh Invest", "the Ministry of Energy", "the Global Gateway team",
)

THEME_SENTENCES = {
    "raw materials": (
        "Kazakhstan holds sizeable reserves of {mineral} and {mineral2}, both listed as critical by the EU",
        "The partners agreed to map deposits of {mineral} in {region} and to share the data with European buyers",
        "Brussels wants at least {pct} of its {mineral} supply to come from partners outside its three largest suppliers by {target_year}",
        "Processing rather than shipping raw ore is the priority, officials in {place} stressed",
        "A new plant in {region} will refine {mineral} concentrate to a grade suitable for European industry",
    ),
    "batteries": (
        "The battery value chain, from {mineral} mining to cell assembly, is at the centre of the roadmap",
        "{company} plans to build a cathode materials line in {place} with an annual capacity of {qty} tonnes",
        "Demand for battery metals in Europe is expected to grow by {pct} by {target_year}",
        "A pilot recycling facility for used lithium-ion cells opened in {place} {date_expr}",
        "European carmakers are looking for {mineral} that meets their traceability rules",
    ),
    "hydrogen": (
        "The green hydrogen project in {region} would rely on wind and solar farms of up to {qty} megawatts",
        "{company} signed an agreement to study electrolyser production in Kazakhstan {date_expr}",
        "Renewable hydrogen could be shipped to Europe as ammonia via the Caspian Sea",
        "The feasibility study for the hydrogen cluster is due {date_expr}",
        "Water supply remains the main constraint for hydrogen output in the steppe, experts say",
    ),
    "investment": (
        "The project is valued at {money} and is backed by {institution}",
        "{institution} pledged {money} for infrastructure along the Trans-Caspian corridor",
        "European investment in the Kazakh economy reached {money} in {year}",
        "The financing package, worth {money}, was announced {date_expr}",
        "Investors have committed {money} to {count} projects since the memorandum was signed",
    ),
    "ESG": (
        "All projects must follow environmental, social and governance standards agreed by both sides",
        "Local communities in {region} will be consulted before any new mine is opened",
        "The partners pledged to cut the carbon footprint of {mineral} processing by {pct}",
        "Transparency of supply chains and respect for labour rights were named as conditions for EU funding",
        "An independent audit of tailings management at {count} sites is planned {date_expr}",
    ),
    "exploration": (
        "Geological exploration covered {qty} square kilometres in {region} last season",
        "{company} received {count} new licences for exploration of {mineral} {date_expr}",
        "Modern survey methods could reveal deposits that Soviet-era maps missed",
        "Drilling results from {region} point to promising grades of {mineral}",
        "The national geological database will be opened to European partners {date_expr}",
    ),
    "skills": (
        "A joint training programme will prepare {qty} engineers and technicians for the mining sector",
        "Universities in {place} and in Europe will launch a master's course on critical raw materials",
        "The skills gap in geology and metallurgy was raised by several participants",
        "Vocational colleges in {region} will receive equipment worth {money}",
        "Exchange programmes for young specialists start {date_expr}",
    ),
    "trade": (
        "Trade between the EU and Kazakhstan amounted to {money} in {year}",
        "The EU accounts for about {pct} of Kazakhstan's foreign trade",
        "Exports of {mineral} to Europe rose by {pct} compared with the previous year",
        "Shorter transit times on the Middle Corridor would make Kazakh metals more competitive in Europe",
        "Customs procedures at the Caspian ports are to be simplified {date_expr}",
    ),
}
THEMES = tuple(THEME_SENTENCES)

QUOTE_SENTENCES = {
    "raw materials": (
        "We want Kazakh {mineral} to be processed here and not only exported as ore",
        "Our geologists and European experts now work from the same maps",
        "Securing {mineral} is a question of economic security for Europe",
    ),
    "batteries": (
        "Every electric car needs metals that Kazakhstan can supply",
        "We are building the first links of a battery chain that did not exist five years ago",
        "Our goal is a plant that turns {mineral} into battery materials in {place}",
    ),
    "hydrogen": (
        "Renewable hydrogen gives our wind and sun a market in Europe",
        "This is a long-term bet, and we are ready to share the risk",
        "Without clean hydrogen, the heavy industry of tomorrow will not be green",
    ),
    "investment": (
        "The money is on the table, and the projects are ready",
        "We are opening {count} new projects to European investors this year",
        "Investors need predictable rules, and we are giving them those rules",
    ),
    "ESG": (
        "We will not compromise on environmental and social standards",
        "Communities must see the benefits of every new mine",
        "Responsible mining is the only kind of mining we will finance",
    ),
    "exploration": (
        "Half of our territory has not been explored with modern methods",
        "New data will attract new investors, it is as simple as that",
        "We expect the first drilling results {date_expr}",
    ),
    "skills": (
        "People are the most important part of this partnership",
        "We need thousands of engineers, and we will train them together",
        "Our young specialists will learn on the best European sites",
    ),
    "trade": (
        "Europe remains our largest trade and investment partner",
        "Faster routes across the Caspian will benefit both sides",
        "Trade has grown every year since the agreement was signed",
    ),
}
REPORTED = (
    "the partnership had already produced concrete results",
    "further projects would be presented {date_expr}",
    "cooperation on {mineral} was moving faster than expected",
    "both sides needed to speed up work on the roadmap",
    "the financing of {money} would be released in stages",
    "the share of the EU in the country's trade had reached {pct}",
)
TITLES = (
    "Kazakhstan, EU discuss {theme} cooperation",
    "{place} hosts talks on {theme}",
    "EU and Kazakhstan agree new steps on {theme}",
    "{company} to invest {money} in {theme} project",
    "Kazakhstan eyes European partners for {mineral}",
    "Roadmap on {theme} presented in {place}",
)
LEADS = (
    "Kazakhstan and the European Union discussed cooperation on {theme} at a meeting in {place} {date_expr}",
    "Officials from {institution} and Kazakh ministries met in {place} to review progress on {theme}",
    "{institution} and {company} signed a document on {theme} {date_expr}",
    "A new stage of the strategic partnership on raw materials, batteries and renewable hydrogen began in {place}",
    "The EU and Kazakhstan will step up joint work on {theme}, the parties announced {date_expr}",
)
THEME_NOUNS = {
    "raw materials": "critical raw materials", "batteries": "battery value chains",
    "hydrogen": "renewable hydrogen", "investment": "investment", "ESG": "sustainable mining",
    "exploration": "geological exploration", "skills": "skills and training", "trade": "trade",
}
QUOTE_MARKS = (("“", "”"), ("«", "»"), ('"', '"'), ("„", "“"))


class _Random(random.Random):
    """random.Random with cheaper choice/randint/randrange/sample built on random()."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, n: int) -> int:
        return int(self.random() * n)

    def sample(self, population, k: int) -> list:
        pool = list(population)
        return [pool.pop(int(self.random() * len(pool))) for _ in range(k)]


@dataclass
class Summary:
    """What `generate` wrote: every path, and which were duplicates or bad."""

    paths: list[Path] = field(default_factory=list)
    duplicates: int = 0
    bad: int = 0
    words: int = 0


def seed_paragraphs(seed_dir: Path = SEED_DIR) -> list[str]:
    """Body paragraphs of the seed articles (header, title, dateline and credit removed)."""
    out: list[str] = []
    for path in sorted(Path(seed_dir).glob("*.txt")):
        text = _HEADER.sub("", path.read_text(encoding="utf-8"), count=1)
        blocks = [b.strip() for b in _BLOCKS.split(text) if b.strip()]
        if blocks and len(blocks[0].split()) < 15 and blocks[0][-1] not in ".!?”»\"":
            blocks = blocks[1:]
        if blocks:
            blocks[0] = _DATELINE.sub("", blocks[0], count=1)
        out.extend(b for b in blocks if not b.startswith("Photo:"))
    return out


class _Slots(dict):
    """format_map mapping that draws a value for each slot a template asks for."""

    def __init__(self, rng: random.Random, article: "_Article"):
        super().__init__()
        self.rng = rng
        self.article = article

    def fill(self, template: str) -> str:
        """`template` with every slot drawn afresh."""
        return template.format_map(self)

    def __missing__(self, key: str) -> str:
        rng, art = self.rng, self.article
        if key == "mineral":
            return art.mineral
        if key == "mineral2":
            return rng.choice(MINERALS)
        if key == "place":
            return rng.choice(PLACES)
        if key == "region":
            return rng.choice(REGIONS)
        if key == "company":
            return rng.choice(COMPANIES)
        if key == "institution":
            return rng.choice(INSTITUTIONS)
        if key == "theme":
            return THEME_NOUNS[art.theme]
        if key == "year":
            return str(art.day.year - rng.randint(0, 2))
        if key == "target_year":
            return str(art.day.year + rng.randint(2, 10))
        if key == "pct":
            return _percent(rng)
        if key == "money":
            return _money(rng)
        if key == "qty":
            return f"{rng.choice((50, 120, 300, 500, 1200, 2500, 10000)):,}"
        if key == "count":
            return str(rng.randint(2, 40))
        if key == "date_expr":
            return _date_expr(rng, art.day)
        raise KeyError(key)


def _percent(rng: random.Random) -> str:
    value = rng.choice((rng.randint(2, 95), round(rng.uniform(0.5, 60), 1)))
    return rng.choice(("{}%", "{} percent", "{} per cent")).format(value)


def _money(rng: random.Random) -> str:
    value = rng.choice((rng.randint(1, 900), round(rng.uniform(1, 20), 1)))
    form = rng.randrange(9)
    if form == 0:
        return f"€{value} million"
    if form == 1:
        return f"EUR {value} million"
    if form == 2:
        return f"US${value} billion"
    if form == 3:
        return f"${value} mln"
    if form == 4:
        return f"{value} billion tenge"
    if form == 5:
        return f"KZT {value} bn"
    if form == 6:
        return f"{value} mln euros"
    if form == 7:
        return f"€{value}bn"
    return f"{value} million US dollars"


def _date_expr(rng: random.Random, day: date) -> str:
    year = day.year + rng.choice((-1, 0, 0, 1, 2))
    month = rng.choice(MONTHS)
    form = rng.randrange(8)
    if form == 0:
        return f"on {rng.randint(1, 28)} {month} {year}"
    if form == 1:
        return f"in {month} {year}"
    if form == 2:
        return f"by {year + rng.randint(2, 8)}"
    if form == 3:
        return f"on {MONTHS[day.month - 1]} {day.day}"
    if form == 4:
        return f"in {year}"
    if form == 5:
        return f"in the {rng.choice(('first', 'second', 'third', 'fourth'))} quarter of {year}"
    if form == 6:
        return f"between {year} and {year + 2}"
    return "last year"


@dataclass
class _Article:
    day: date
    theme: str
    mineral: str
    speakers: list[tuple[str, str, str, str]]


def _sentences(rng: random.Random, slots: _Slots, n: int) -> str:
    pool = THEME_SENTENCES[slots.article.theme] + THEME_SENTENCES[rng.choice(THEMES)]
    return ". ".join(slots.fill(t) for t in rng.sample(pool, n)) + "."


def _quote_text(rng: random.Random, slots: _Slots) -> str:
    pool = QUOTE_SENTENCES[rng.choice((slots.article.theme, slots.article.theme, rng.choice(THEMES)))]
    return ". ".join(slots.fill(t) for t in rng.sample(pool, rng.randint(1, 2)))


def _quote_paragraph(rng: random.Random, slots: _Slots, introduced: set[str]) -> str:
    name, pron, role, _ = rng.choice(slots.article.speakers)
    opening, closing = rng.choice(QUOTE_MARKS)
    quote = _quote_text(rng, slots)
    form = rng.randrange(8)
    known = name in introduced
    introduced.add(name)
    if form == 0:
        return f"{opening}{quote},{closing} {name} said."
    if form == 1:
        return f"{name}, {role}, said: {opening}{quote}.{closing}"
    if form == 2 and known:
        return f"{opening}{quote},{closing} {pron} noted."
    if form == 3:
        reported = slots.fill(rng.choice(REPORTED))
        return f"According to {name}, {role}, {reported}."
    if form == 4:
        return f"{opening}{quote},{closing} said {role[0].upper()}{role[1:]} {name}."
    if form == 5:
        return f"{opening}{quote}{closing}, {name} added."
    if form == 6:
        reported = slots.fill(rng.choice(REPORTED))
        lead = f"{pron.capitalize()} said" if known else f"{name} said"
        return f"{lead} that {reported}. {_sentences(rng, slots, 1)}"
    return f"{_sentences(rng, slots, 1)} {name} told {rng.choice(SOURCES)}: {opening}{quote}.{closing}"


def _dateline(rng: random.Random, day: date) -> str:
    city = rng.choice(PLACES[:6]).upper()
    form = rng.randrange(6)
    if form == 0:
        return f"{city}. KAZINFORM "
    if form == 1:
        return f"{city} – "
    if form == 2:
        return f"{city}, {day.day} {MONTHS[day.month - 1]} {day.year} – "
    if form == 3:
        return f"{city}, {MONTHS[day.month - 1]} {day.day} (Reuters) - "
    if form == 4:
        return f"{city} (Trend) – "
    return ""


def _body(rng: random.Random, seeds: list[str], target: int) -> tuple[date, str | None, list[str], int]:
    """Date, optional title, paragraphs and word count of one generated article."""
    day = date.fromordinal(rng.randint(FIRST_DAY, LAST_DAY))
    n_speakers = rng.randint(1, 3)
    speakers = [rng.choice(EU_PEOPLE), rng.choice(KZ_PEOPLE), rng.choice(OTHER_PEOPLE)][:n_speakers]
    art = _Article(day, rng.choice(THEMES), rng.choice(MINERALS), speakers)
    slots = _Slots(rng, art)
    title = slots.fill(rng.choice(TITLES)) if rng.random() < 0.5 else None
    lead = slots.fill(rng.choice(LEADS))
    paragraphs = [lead[0].upper() + lead[1:] + ". " + _sentences(rng, slots, rng.randint(1, 2))]
    words = len(paragraphs[0].split())
    introduced: set[str] = set()
    while words < target:
        kind = rng.random()
        if kind < 0.15 and seeds:
            para = _YEAR.sub(lambda m: str(int(m.group()) + rng.randint(-2, 2)), rng.choice(seeds))
        elif kind < 0.55:
            para = _quote_paragraph(rng, slots, introduced)
        else:
            para = _sentences(rng, slots, rng.randint(2, 4))
        paragraphs.append(para)
        words += len(para.split())
    return day, title, paragraphs, words


def render(rng: random.Random, seeds: list[str], header_date: str | None = None) -> tuple[bytes, int]:
    """One article file's bytes and its word count; `header_date` overrides the header date."""
    target = min(MAX_WORDS, max(MIN_WORDS, round(rng.lognormvariate(MU, SIGMA))))
    day, title, paragraphs, words = _body(rng, seeds, target)
    paragraphs[0] = _dateline(rng, day) + paragraphs[0]
    if rng.random() < 0.2:
        paragraphs.append(f"Photo: {rng.choice(CREDITS)}")
    body = "\n\n".join(paragraphs) + rng.choice(("", "\n", "\n\n\n\n"))
    stamp = header_date or day.isoformat()
    head = f" date {stamp} {title}\n\n" if title else f" date {stamp} "
    return (head + body).encode("utf-8"), words


def _impossible_date(rng: random.Random) -> str:
    year = rng.randint(2019, 2026)
    return rng.choice((f"{year}-02-30", f"{year}-13-{rng.randint(1, 28):02d}", f"{year}-00-10", f"{year}-04-31"))


def generate(n: int, out_dir: str | Path, seed: int = 0, seed_dir: str | Path = SEED_DIR) -> Summary:
    """Write `n` article files into `out_dir` (created if missing); same n and seed, same bytes."""
    rng = _Random(seed)
    seeds = seed_paragraphs(Path(seed_dir))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    summary = Summary()
    good: list[bytes] = []
    for i in range(n):
        roll = rng.random()
        if roll < DUPLICATE_RATE and good:
            data = rng.choice(good)
            summary.duplicates += 1
        elif roll < DUPLICATE_RATE + NO_HEADER_RATE:
            data = render(rng, seeds)[0].split(b" ", 3)[3]
            summary.bad += 1
        elif roll < DUPLICATE_RATE + NO_HEADER_RATE + BAD_DATE_RATE:
            data = render(rng, seeds, _impossible_date(rng))[0]
            summary.bad += 1
        else:
            data, words = render(rng, seeds)
            summary.words += words
            if len(good) < 1000:
                good.append(data)
        path = out / f"{i:06d}_{hashlib.blake2b(data, digest_size=8).hexdigest()}.txt"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        summary.paths.append(path)
    return summary


def main(argv: list[str] | None = None) -> int:
    """Command line: write the corpus and print a one-line summary."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus", description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of files to write")
    parser.add_argument("dir", type=Path, help="output folder (created if missing)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be >= 0")
    summary = generate(args.n, args.dir, args.seed)
    print(
        f"wrote {len(summary.paths)} files to {args.dir} "
        f"({summary.duplicates} duplicates, {summary.bad} bad, ~{summary.words} words in generated bodies)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
