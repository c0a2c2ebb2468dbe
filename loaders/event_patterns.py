"""The regular expressions and word lists of `loaders.events`: the date pattern, its triggers and the contexts
(date context, tense, publication stamp) its handlers read around a match."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11}
# The first month of each season (northern hemisphere): a season is that month and the two after it.
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
STEP = {"last": -1, "this": 0, "next": 1}

# Month names are matched capitalised (or in capitals, as datelines write them: "TASHKENT, JUNE 14 2017"), so the
# verb "may" and "march" never count; a month in capitals needs a day or a year.
_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
        r"|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
        r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![\w])")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d\w])"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
_NOT_QTY = (r"(?![.,]?\d)(?!\s*(?:%|percent\b|per\s?cent\b|(?i:tonnes?|tons?|t|kg|km|kt|mt|mw|gw|mwh|gwh|twh|"
            r"hectares?|ha|people|units|jobs|million|billion|thousand|mln|bn|bln)\b))")
_YEAR_CONTEXT = (r"(?:\b(?:in|In|by|By|since|Since|until|Until|till|from|From|of|for|For|during|During|before|Before|"
                 r"after|After|through|throughout|to|year|early|mid|late|end\s+of|beginning\s+of|start\s+of|"
                 r"half\s+of|spring|summer|autumn|fall|winter|as\s+of|fiscal|FY|mid-)\s*)")
_YEAR_NOUN = (r"(?=\s+(?:roadmap|road\s+map|plan|programme|program|strategy|agenda|budget|summit|forum|"
              r"elections?|targets?|goals?|deadline|edition|report|session|Roadmap|Plan|Programme|Strategy|Summit|Forum|Agenda)\b)")
_SEP = r"\s*[-–—]\s*"
_YEAR_SPEC = rf"(?:(?P<{{0}}y>{_YEAR})(?!\d)|(?P<{{0}}r>[Tt]his|[Nn]ext|[Ll]ast)\s+year(?!\w))"
_REL_YEAR = r"(?P<{0}>[Tt]his|[Ll]ast|[Nn]ext)\s+year(?!\w)"
_OF_REL_YEAR = r"(?:,?\s+(?:of\s+)?" + _REL_YEAR + ")?"  # "March 11-15 this year", "from May to July last year"
_WDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_WDAY_PAIRS = "|".join(rf"{a}\s+and\s+{b}" for a, b in zip(_DAYS, _DAYS[1:] + _DAYS[:1]))
_NUMBER = (r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|A|An|One|Two|Three|Four|Five|Six|Seven|Eight|"
           r"Nine|Ten|\d\d?)")

# Every match starts one character early, at a non-word character (the text is searched with a
# leading space), so the regex engine can skip quickly to candidate positions; "mid-2024" is let in.
# The lookahead (START) lets in only the words an alternative can begin with: a capitalised name ("Kazakhstan",
# "Tokayev") fails there instead of failing every alternative's month list in turn.
START = (r"(?=[0-9]|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|"
         r"DEC|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Between|From|First|Second|Third|Four|Final|Last|Next|This|On|Since|Until|"
         r"By|[QH][1-4]|An?\s|One|Two|Three|Five|Six|Seven|Eight|Nine|Ten|Today|Yesterday|Tomorrow)"
         r"|(?:between|from|last|this|next|on|since|until|by|first|second|third|fourth|final|1st|2nd|3rd|4th|"
         r"an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|\d+)[\s-]|"
         r"(?:today|yesterday|tomorrow|end|year)\b|yearend)")
PATTERN = re.compile(
    r"(?:[^\w.,/]|(?<=[A-Z])/)(?:(?<!-)|(?<=mid-))" + START + r"(?:"
    # ranges first, longest forms first
    rf"(?P<btw>(?:[Bb]etween|[Ff]rom)\s+(?P<bm1>{_MON})\s+(?:and|to|until|till|through)\s+(?P<bm2>{_MON}),?\s+(?P<by>{_YEAR})(?!\d))"
    rf"|(?P<fmy>[Ff]rom\s+(?P<fm1>{_MON})\s+(?P<fy1>{_YEAR})\s+(?:to|until|till|through)\s+(?P<fm2>{_MON})\s+(?P<fy2>{_YEAR})(?!\d))"
    rf"|(?P<bmr>(?:[Bb]etween|[Ff]rom)\s+(?P<rm1>{_MON})\s+(?:and|to|until|till|through)\s+(?P<rm2>{_MON})(?!,?\s+\d)"
    + _OF_REL_YEAR.format("bw") + ")"
    rf"|(?P<fy>(?:[Bb]etween|[Ff]rom)\s+(?P<fya>{_YEAR})\s+(?:and|to|until|till|through)\s+(?P<fyb>{_YEAR}){_NOT_QTY})"
    rf"|(?P<ddm>(?P<dd1>{_DAY}){_SEP}(?P<dd2>{_DAY})\s+(?P<ddmon>{_MON}),?\s+(?P<ddy>{_YEAR})(?!\d))"
    rf"|(?P<mdd>(?P<mddmon>{_MON})\s+(?P<mdd1>{_DAY}){_SEP}(?P<mdd2>{_DAY}),?\s+(?P<mddy>{_YEAR})(?!\d))"
    # a range of days without a year: "March 11-15", "11-15 March"
    rf"|(?P<mdr>(?:(?P<rmon>{_MON})\s+(?P<rd1>{_DAY}){_SEP}(?P<rd2>{_DAY}){_NOT_QTY}"
    rf"|(?P<rd3>{_DAY}){_SEP}(?P<rd4>{_DAY})\s+(?:of\s+)?(?P<rmon2>{_MON}))" + _OF_REL_YEAR.format("dw") + ")"
    rf"|(?P<mm>(?P<mm1>{_MON}){_SEP}(?P<mm2>{_MON}),?\s+(?P<mmy>{_YEAR})(?!\d))"
    rf"|(?P<mmr>(?P<rm3>{_MON}){_SEP}(?P<rm4>{_MON})(?!,?\s+\d)" + _OF_REL_YEAR.format("mmw") + ")"
    # exact days
    r"|(?P<iso>(?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d))(?![\d\w])"
    r"|(?P<dot>(?P<dd>\d\d?)\.(?P<dm>\d\d?)\.(?P<dy>\d{4}))(?![\d\w])"
    rf"|(?P<dmy>(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MON}),?\s+(?P<y1>{_YEAR})(?!\d))"
    rf"|(?P<mdy>(?P<m2>{_MON})\s+(?P<d2>{_DAY}),?\s+(?P<y2>{_YEAR})(?![\d\w]))"
    # a day or a month of "this/last/next year": "October 6 this year", "November last year"
    rf"|(?P<dry>(?:(?P<ym1>{_MON})\s+(?P<yd1>{_DAY})|(?P<yd2>{_DAY})\s+(?:of\s+)?(?P<ym2>{_MON})),?\s+(?:of\s+)?"
    + _REL_YEAR.format("yw") + ")"
    rf"|(?P<myr>(?P<m6>{_MON}),?\s+(?:of\s+)?" + _REL_YEAR.format("mw") + ")"
    rf"|(?P<dm_>(?P<d3>{_DAY})\s+(?P<m3>{_MON}))"
    rf"|(?P<md_>(?P<m4>{_MON})\s+(?P<d4>{_DAY}){_NOT_QTY})"
    # months, halves of a month, year ranges, years
    rf"|(?P<my>(?P<m5>{_MON}),?\s+(?:of\s+)?(?P<y5>{_YEAR})(?!\d))"
    rf"|(?P<hm>(?P<hord>[Ff]irst|[Ss]econd)\s+half\s+of\s+(?P<hmon>{_MON})(?:,?\s+(?P<hy>{_YEAR})(?!\d))?"
    + _OF_REL_YEAR.format("hw") + ")"
    rf"|(?P<lmo>(?P<lw>[Ll]ast|[Nn]ext)\s+(?P<lmon>{_MON})(?!\s+\d))"
    rf"|(?P<mo>{_MON})(?!\s+\d)"
    rf"|(?P<yr>(?P<ya>{_YEAR})(?:{_SEP}|/)(?P<yb>{_YEAR}|\d\d)(?![\d\w]|[-–.,]\d))"
    r"|(?P<rel>(?P<rw>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<ru>year|month|week)(?!\w))"
    r"|(?P<ssn>(?P<sw>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<season>spring|summer|autumn|fall|winter)(?!\w))"
    rf"|(?P<wdr>(?:[Oo]n\s+)?(?P<wda>{_WDAY_PAIRS})(?!\w))"
    rf"|(?P<wd>(?:(?P<wpre>on|last|next|this|since|until|by|On|Last|Next|This|Since|Until|By)\s+)?"
    rf"(?P<wday>{_WDAY})(?:['’]s)?(?!\w)(?!,?\s+(?:\d|{_MON})))"
    # quarters and halves of an explicit year, quarters of the publication year
    r"|(?P<qh>(?:(?P<qord>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]inal|[Ll]ast|[1-4](?:st|nd|rd|th))[\s-]+"
    r"(?P<qu>quarter|half)(?:\s+of)?(?:\s+(?:fiscal|FY))?\s+" + _YEAR_SPEC.format("q")
    + r"|(?P<qq>[QH])(?P<qn>[1-4])(?:\s+of|[-\s])\s*"
    + _YEAR_SPEC.format("k") + r"|(?P<qq2>[QH])(?P<qn2>[1-4])['’](?P<qy2>\d\d)(?![\d\w])))"
    r"|(?P<q0>(?P<q0ord>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]inal|[1-4](?:st|nd|rd|th))[\s-]+"
    r"(?:(?P<q0u>quarter)(?:\s+of\s+the\s+year)?(?![\w-])(?!\s+of\b)|half\s+of\s+the\s+year(?![\w-])))"
    # the first N months of a year
    r"|(?P<nm>(?:[Ff]irst\s+)?(?P<nmn>[1-9]|1[01]|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+"
    rf"months\s+of\s+"
    rf"(?:(?P<nmy>{_YEAR})(?!\d)|(?P<nmw>[Tt]his|[Ll]ast|the(?:\s+current)?)\s+year(?!\w)))"
    # N years/months/days ago, N years earlier
    rf"|(?P<ago>(?P<an>{_NUMBER})\s+(?P<au>year|month|week|day)s?\s+(?P<aw>ago|earlier)(?!\w)(?!\s+than\b))"
    # the start and the end of the current year
    r"|(?P<soy>[Ss]ince\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year(?!\w))"
    r"|(?P<eoy>end\s+of\s+the\s+year|year[-\s]?end)(?![\w-])"
    # today / yesterday / tomorrow dating an event
    r"|(?P<tdy>(?P<tw>[Tt]oday|[Yy]esterday|[Tt]omorrow)(?:(?P<tposs>['’]s\s+(?:[\w-]+\s+)?"
    r"(?:meeting|talks|session|summit|visit|vote|election|victory|decision|signing|ceremony|event|forum|"
    r"conference|sitting|briefing|announcement|milestones?|agreement|statement|address|speech|message|interview)\b)"
    r"|(?![\w'’-])))"
    rf"|(?P<y>{_YEAR}){_NOT_QTY}(?!s\b)"
    r")"
)
# Every date expression contains a digit, "day" (weekdays, today, yesterday), "morrow", "year", "month", "week",
# "quarter" or a capitalised month name; the few, fairly rare first characters let the engine jump
# between candidates in C. Only windows around them are searched.
TRIGGER = re.compile("|".join(
    [rf"{d}[0-9]*" for d in "0123456789"]
    + ["day", "year", "month", "morrow", "week", "quarter", "spring", "summer", "autumn", "fall", "winter", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
       "Sep", "Oct", "Nov", "Dec", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]))
BEFORE, AFTER = 48, 64

YEAR_CTX = re.compile(_YEAR_CONTEXT + r"$")
YEAR_AFTER = re.compile(_YEAR_NOUN)
# A year as the subject of a clause: "2022 was a difficult year", "that 2022, which is ending, ..."
YEAR_SUBJECT_BEFORE = re.compile(r"(?:^\s*|[.!?][\"”’)]?\s+|[“\"«‘(]\s*|\bthat\s+)$")
YEAR_SUBJECT_AFTER = re.compile(
    r"\s+(?:was|is|will\s+be|has\s+been|had\s+been)\b|,\s+which\s+(?:is|was|has|had|will)\b")
REL_BEFORE = re.compile(r"(?:\bthe|\bpast|\bover)\s+$", re.IGNORECASE)
AGO_BEFORE = re.compile(r"(?:\bmore\s+than|\bover|\bthe|\bof|\bthan)\s+$", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
ANCHOR_YEAR = re.compile(rf"(?<![\w.,]){_YEAR}{_NOT_QTY}(?![\w])")
DIGITS = re.compile(r"\d+")
# A month without a day or year is a date only after a date word ("in March", "mid-March", "at the end of
# May") or before an event noun ("the January events"); "May" only after a date word.
MONTH_BEFORE = re.compile(
    r"(?:\b(?:in|In|since|Since|until|Until|till|by|By|from|From|during|During|before|Before|after|After|through|"
    r"throughout|early|Early|late|Late|mid|Mid|end\s+of|beginning\s+of|start\s+of|middle\s+of)\s+|\bmid-)$")
MONTH_NOUN_BEFORE = re.compile(r"\b[Tt]he\s+$")
MONTH_NOUN_AFTER = re.compile(
    r"\s+(?:events|elections?|referendum|summit|meeting|visit|talks|session|forum|protests|unrest|riots|crisis|"
    r"plenary|congress|address|decree|attacks?)\b")
YEAREND_BEFORE = re.compile(r"\b(?:by|By|at|At|before|Before|until|Until|till|to|from|around|towards?)\s+(?:the\s+)?$")
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
OF_BEFORE = re.compile(r"\bof\s+$")
# Feast days, shopping days and "every Friday" are not dates; nor "Sunday Times"-style names.
WEEKDAY_NOT_BEFORE = re.compile(
    r"\b(?:Black|Good|Super|Cyber|Holy|Easter|Palm|Ash|Maundy|Bloody|Shrove|Whit|Giving|every|each|Every|Each)\s+$")
CAPITAL_AFTER = re.compile(r"\s+[A-Z]")
# The publication stamp an outlet writes at the start of a paragraph: "CITY (Outlet / Agency - 24th November,
# 2020)" or "CITY, (Outlet - 2nd Apr, 2020 ) :)", with the agency's own "CITY, November 24 (Agency) -" after it.
_CAPS = r"[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+)*"
STAMP = re.compile(
    rf"\s*{_CAPS}\s*,?\s*\((?=[^()\n]*\d)(?=[^()\n]*\s[-–—/]\s)[^()\n]{{4,80}}\)(?:\s*:\))?"
    rf"(?:\s*{_CAPS},\s*[^()\n]{{1,30}}?\s*\([^()\n]{{2,40}}\)\s*[-–—])?")

_LEMMAS = ("agree sign announce open launch approve adopt endorse unveil inaugurate conclude present visit discuss "
           "report publish release complete host welcome confirm declare decide ratify introduce start vote arrive "
           "close finalise finalize pledge commission award receive elect appoint attend deliver add reveal").split()


def _past(lemma: str) -> str:
    """The past form of a regular English verb."""
    return lemma[:-1] + "ied" if lemma.endswith("y") else lemma + ("d" if lemma.endswith("e") else "ed")


_BASE = "|".join(_LEMMAS + ["meet", "hold", "say", "begin", "take\\s+place", "kick\\s+off"])
_IRREGULAR = ["met", "held", "said", "told", "began", "begun", "gave", "given", "won", "struck", "took", "came", "went",
              "made", "saw", "led", "rose", "fell", "grew", "paid", "sold", "bought", "brought", "built", "spent",
              "became", "broke", "wrote", "spoke", "sent", "found", "lost"]
_PAST = "|".join([_past(w) for w in _LEMMAS] + _IRREGULAR + ["kicked\\s+off", "took\\s+place"])
# "today" dates an event next to an event verb: a past or perfect form ("signed today", "has today adopted"), a
# regular past form right before it ("threshed today") or after a passive or perfect auxiliary, "will/to + verb",
# "earlier/later today"; after "today" a regular past form only when a function word follows it ("Today members
# worked on ..."), not an adjective ("Today we are committed to", "a united country").
_ED = r"[a-z]{3,}ed"
_ED_VERB = (rf"(?<!\bis )(?<!\bare )(?<!\bam )(?<!\bbe ){_ED}(?=\s+(?:on|in|at|with|to|the|a|an|its|their|his|her|"
            r"our|this|these|for|by|from|about|into|over|up|out)\b)")
_TODAY_VERB = (rf"(?:(?:has|have|had)\s+(?:(?:also|now|formally|officially|jointly)\s+)?)?(?:{_PAST})"
               rf"|(?:will|to|shall)\s+(?:(?:formally|officially|also|jointly)\s+)?(?:{_BASE})"
               rf"|(?:has|have|had|was|were)\s+(?:been\s+)?(?:[a-z]+ly\s+)?{_ED}|(?:will|shall)\s+[a-z]+")
_WORDS = r"(?:\s+[\w’'£$€%%-]+){0,%d}"  # words, and amounts such as £10m
# ... or where it happens: a capitalised place or body right before it ("in Bishkek today", "at the Dewan Negara
# today", "here today"), a present speech verb ("the ministry reports today"), an auxiliary before a participle
# after it ("are today opening", "have today offered")
TODAY_BEFORE = re.compile(rf"(?:\b(?:{_TODAY_VERB}){_WORDS % 8}|\bearlier|\blater|\b{_ED}|\b[Aa]s\s+of|\bhere"
                          r"|\b(?:reports|says|announces|informs|writes)"
                          r"|\b(?:in|at)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}"
                          rf"|\b(?i:meeting|summit|forum|conference|session|talks|briefing|ceremony){_WORDS % 8})\s+$")
TODAY_AUX = re.compile(r"\b(?:is|are|was|were|has|have|had)\s+$")
TODAY_PARTICIPLE = re.compile(r"\s+[a-z]{3,}(?:ing|ed)\b")
# A day that starts a measure ("from August 1", "effective July 1"): the nearest such day, whatever the tense of
# the clause that reports it.
STARTING_BEFORE = re.compile(r"\b(?:from|starting(?:\s+from)?|effective|as\s+of|beginning)\s+(?:on\s+)?$", re.I)
# after "today": an event verb within eight words, an hour ("today at 00:00") or a place ("Today in Astana")
TODAY_AFTER = re.compile(rf",?{_WORDS % 8}\s+(?:{_TODAY_VERB}|{_ED_VERB})\b|\s+(?:at\s+\d|in\s+[A-Z])")
# "yesterday" and "tomorrow" always date something, but not "the cities of tomorrow".
TODAY_NOT_BEFORE = re.compile(r"\bof\s+$")
DAY_BEFORE_AFTER = re.compile(r"\b[Tt]he\s+day\s+(before|after)\s+$")

# The tense of the clause a date stands in: its nearest marker before the date (else the first after it).
# "will be held" is future ("held" after "be" is no past); a speech verb ("said") is past only right before
# the date ("said Thursday"), not for the clause it reports ("said the plant opens in June").
CLAUSE_CUT = re.compile(r"[.!?;][\"”’»)]*\s|,\s*(?:but|while|whereas|although|though|yet)\s|[“«]")
_NOT_VERBS = ("need speed seed feed indeed hundred red bed shed united limited based related called interested concerned "
              "advanced detailed skilled qualified dedicated developed renewed landlocked integrated balanced mixed").split()
TENSE = re.compile(
    r"(?<![\w'’])(?=[a-z])(?:(?P<cond>would|could|should|might)"
    r"|(?P<fut>will|shall|won['’]t|can|may|going\s+to|scheduled|set\s+to|"
    rf"due\s+(?:to\s+(?:be|{_BASE})\b|in|on|by|for|next)|"
    r"expected|planned|plans?\s+to|intends?\s+to|hopes?\s+to|aims?\s+to|to\s+be|is\s+to|are\s+to|upcoming|"
    rf"to\s+(?:{_BASE}))"
    r"|(?P<pres>is|are|am|being)"
    r"|(?P<say>said|told|noted|stated|announced|reported|added|stressed|explained|emphasized|emphasised|recalled|"
    r"says|tells|notes|announces|reports|adds)"
    rf"|(?P<past>was|were|had|ha(?:s|ve)(?!\s+to\b)|did|since|ago|(?<!\bbe )(?:{'|'.join(_IRREGULAR)})"
    r"|(?<!\bbe )[a-z]+ed(?![\w'’])" + "".join(rf"(?<!\b{w})" for w in _NOT_VERBS) + r"))(?![\w'’])")
NEAR_WORDS = re.compile(r"[\w’'-]+")
SAY_GOVERNS = re.compile(r"\s+(?:(?:[\w’'-]+\s+){0,2}|(?:on|in|at|during|via|to|after|before|from)\s+"
                         r"(?:(?!that\s)[\w’'-]+\s+)*)$")
