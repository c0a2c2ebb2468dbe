"""Speech cues: where a speech verb stands in a paragraph, and the frames built around one.

A frame is the pattern of words that ties a speaker to what they said: "SPEAKER cue
(OBJECT) (WHEN/WHERE)" before a clause, "…, SPEAKER cue." or "…, cue SPEAKER." after it,
"According to SPEAKER, …", "As SPEAKER informed, …", "…, AGENCY reports citing SPEAKER".
The patterns are built from the cue verbs in speech.toml; the rules in direct.py and
reported.py decide which frame applies where.
"""

from __future__ import annotations

import re

import ahocorasick

from loaders.quotes.vocab import (BARE_CLAUSE_CUE, CREDIT_CUE, CUE, CUE_FORMS, INVERTED_CUE, LISTENER, NOT_ADVERBS,
                                  PARTICIPLE, PARTICIPLES, ROLE_WORDS, WEEKDAY, alternation)
from loaders.sentences import DIGRAPH_INITIALS

_OBJ = (
    rf"(?:\s+(?:{LISTENER}\b|(?:the\s+)?(?:[A-Z][\w’'\-]*)(?:\s+[A-Z][\w’'\-]*){{0,3}}"
    # an outlet with its kind: "told Der Spiegel magazine", "the Financial Times newspaper"
    r"(?:\s+(?:magazine|newspaper|daily|weekly|agency|news\s+agency|TV|television|radio|channel|website|portal))?))?"
)
_MOD = (
    r"(?:,?\s+(?:on|at|in|during|after|before|while|when|via|following|speaking|earlier|later|today"
    r"|yesterday|this|last)\b[^,:;.“”«»\"]{0,80}?)?"
)
# a manner or sentence adverb between a speaker and the cue: "the PM emphatically stated", "X nonetheless said"
ADVERB = (rf"(?:(?:(?!{alternation(NOT_ADVERBS)}\b)[a-z]{{3,}}ly|nonetheless|nevertheless|however|once\s+again|again"
          r"|still|therefore|meanwhile)\s+)?")
# SPEAKER cue (OBJECT) (WHEN): "The minister told reporters on Tuesday"
SUBJ_CUE_RE = re.compile(
    rf"(?P<spk>[^;:“”«»\"]{{1,160}}?)\s+(?:has\s+|have\s+|had\s+)?(?:also\s+|further\s+|then\s+|again\s+|later\s+)?{ADVERB}"
    rf"(?P<cue>{CUE})\b(?P<obj>{_OBJ})(?P<mod>{_MOD})",
    re.S,
)
# a character of a speaker phrase that stops at a sentence's end: an initial's or an honorific's full stop is
# kept ("S.Mynbayev", "Mr. Massimov"), and so is that of a two-letter initial of a transliterated given name
# ("Kh. Yusifzade", "Zh. Kassymbek", glued in "Kh.Badamsuren")
_HONORIFIC_STOP = (r"(?:(?:(?<=\bM[rs])|(?<=\bDr)|(?<=\bMrs))\.(?=\s)|(?<=\b(?:" + "|".join(DIGRAPH_INITIALS)
                   + r"))\.(?=\s|[A-Z]))")
# a company's abbreviated legal form inside an apposition ("said Chuck Thelen, Gotion Inc. North American … Vice
# President"): its full stop ends no sentence when the capitalised words after it end in a title
_ABBREVIATED_FORM = r"(?<=\bInc)|(?<=\bLtd)|(?<=\bCorp)"  # a company's legal form, before its full stop
_COMPANY_ABBREVIATION = (rf"(?:{_ABBREVIATED_FORM})\.(?=(?:\s+[A-Z][\w\-]*){{0,5}}\s+(?i:"
                         + alternation(ROLE_WORDS) + r")\b)")
# a company's abbreviated legal form inside the speaker phrase before its cue ("Dylan Kelly, an analyst with Ord
# Minnett Ltd. said"): its full stop ends no sentence
_LEGAL_FORM_STOP = rf"(?:{_ABBREVIATED_FORM}|(?<=\bCo))\.(?=\s+[a-z])"
_SPK = rf"(?:[A-Z]\.(?=[A-Z]|\s)|{_HONORIFIC_STOP}|{_LEGAL_FORM_STOP}|[^.!?;:“”«»\"])"
# after a closing mark: “…,” SPEAKER cue / “…,” as SPEAKER put it
TAIL_SPK_CUE_RE = re.compile(
    rf"[\s,]*(?:[—–-]\s*)?(?:as\s+)?(?P<spk>{_SPK}{{1,160}}?)\s+(?:has\s+|have\s+|had\s+)?(?:also\s+|further\s+|then\s+)?{ADVERB}"
    rf"(?P<cue>{CUE})\b(?P<obj>{_OBJ})(?P<mod>{_MOD})",
    re.S,
)
# "said today the President …": a translated report's day word between an inverted cue and its speaker
_WHEN = r"(?:(?:today|yesterday)\s+)?"
# after a closing mark: “…,” cue SPEAKER(, APPOSITION)
TAIL_CUE_SPK_RE = re.compile(
    rf"[\s,]*(?:[—–-]\s*)?(?P<cue>{CUE})\s+{_WHEN}(?P<spk>(?:{_HONORIFIC_STOP}|[A-Z]\.(?=[A-Z]|\s)|[^.!?;:“”«»\",]){{1,160}}?)"
    rf"(?P<app>,\s+(?!(?:{PARTICIPLE}|according|who|which)\b)(?:{_COMPANY_ABBREVIATION}|[^.!?;:“”«»\",]){{2,120}})?"
    # "and" ends the speaker before a verb ("said X and added"), never inside an office ("Minister of Trade and
    # Integration X")
    rf"(?=\s*(?:(?!{_HONORIFIC_STOP})[.,;:!?]|$)|\s+and\s+(?![A-Z])|\s+(?:on|at|in|during|after|while|when"
    rf"|as|who|before|following|speaking|addressing|according|to|from|with|regarding"
    # or a participle of speech with no comma ("said Smailov urging them to …")
    rf"|about|referring|in|{PARTICIPLE})\b)",
    re.S,
)
# the rest of a role whose fields are listed in lower case with commas, after its first field: ", energy and
# utilities minister" of "Denmark’s climate, energy and utilities minister"
LISTED_FIELDS_RE = re.compile(r"(?:,\s+(?!and\b|his\b|her\b|its\b|their\b)[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?)+,?\s+and\s+"
                              r"(?!his\b|her\b|its\b|their\b)[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?"
                              rf"\s+{alternation(ROLE_WORDS)}\b")
# after a quote's frame: "… and added that CLAUSE" / "…, adding that CLAUSE" / "…, although he noted that CLAUSE"
AND_CUE_THAT_RE = re.compile(
    rf"(?:\s+[^,;:.!?“”«»\"]{{1,80}}?)?\s*,?\s*(?:(?:and|but|although|though|while)\s+(?:(?:he|she|it)\s+)?"
    rf"(?:also\s+)?(?P<cue>{CUE})"
    rf"|(?P<part>{PARTICIPLE}))\s+that\s+(?P<clause>.+?)[.!?]?\s*$",
    re.S,
)
THAT_RE = re.compile(r",?\s+that,?\s+(?P<clause>\S.*?)[.!?]?\s*$", re.S)  # "that, as a state, …"
_WEEKDAY = WEEKDAY
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
          r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?")
# a date in apposition to a weekday: "on Tuesday, December 10", "Friday, 3 May 2024"
_DATE_APPOSITION = rf"(?:,\s+(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?)?"
# "said in a statement on Tuesday that", "told Reuters that", "said speaking at the forum in Davos that"
GAP_THAT_RE = re.compile(
    r",?\s+(?:(?:on|at|in|during|after|before|to|with|about|via|by|from|while|following|earlier|later|today"
    r"|yesterday|this|last|also|again|publicly|repeatedly|separately"
    r"|speaking|addressing|commenting|talking|answering|responding|writing)\b|[A-Z])[^,;:.!?“”«»\"]{0,80}?"
    rf"(?:{_WEEKDAY}{_DATE_APPOSITION})?,?\s+that\s+"
    r"(?P<clause>\S.*?)[.!?]?\s*$",
    re.S,
)
# a clause right after the cue, with no "that": "said the deal …"
# (never an adverbial: "said amid unrest", "said, shortly after …", "said, speaking at …")
BARE_CLAUSE_RE = re.compile(
    r"(?P<comma>,)?\s+(?P<clause>(?!(?:on|at|in|during|after|before|to|with|about|that|and|but|as|by|for|from|of"
    r"|amid|shortly|however|citing|ahead|while|when)\b)"
    # "said it at a briefing": the cue's object, then where; no clause
    r"(?!it\s+(?:at|in|on|during|after|before|to|with|from|via)\b)"
    r"[^\s,].*?)[.!?]?\s*$",
    re.S,
)
# a participle phrase after a comma ("…, speaking at the forum", "…, stressing that …"): no clause of a cue
PARTICIPLE_PHRASE_RE = re.compile(r"[a-z]+ing\s+(?:at|in|on|to|with|about|during|from|for|that|the|a|an|his|her|their|its|this)\b")
# an adverb set off in commas right after the cue: "said, however, (that) …", "added, in turn, …"
INSERTED_AFTER_CUE_RE = re.compile(
    r",\s+(?:however|though|meanwhile|in\s+turn|in\s+particular|for\s+(?:his|her|its|their)\s+part|also|too)(?=,)"
)
# a second cue of the speaker inside what looks like the gap before "that": "said Tuesday A and noted that B"
GAP_SECOND_CUE_RE = re.compile(rf"\s(?:and|but)\s+(?:also\s+)?{CUE}\b")
CUE_WORD_RE = re.compile(rf"{CUE}\b")
# a name that speaks: followed by a cue ("Elyor Ganiyev announced") or right after one ("said Elyor Ganiyev")
SPEAKS_AFTER_RE = re.compile(rf"\s+(?:has\s+|have\s+|had\s+)?(?:also\s+|further\s+|then\s+)?{ADVERB}{CUE}\b")
SPOKEN_BEFORE_RE = re.compile(rf"\b(?:{CUE}|[Aa]ccording\s+to)\s+$")
# an outlet named by its web domain ("Kun.uz", "Report.az"): its full stop ends no sentence
OUTLET_DOMAIN = r"[A-Z]\w+\.[a-z]{2,4}\b"
# after a closing mark: “…,” AGENCY quoted SPEAKER as saying / “…,” SPEAKER was quoted as saying / “…,” AGENCY
# quotes (or cites) SPEAKER (on Facebook). (the sentence ends there) / “…,” AGENCY reports SPEAKER as saying
QUOTED_AS_RE = re.compile(
    rf"[\s,]*(?:[—–-]\s*)?(?:(?:{OUTLET_DOMAIN}|[^.!?;:“”«»\"]){{1,80}}?\s+(?:(?P<quotes>quote[ds]|cites|cited)|reports?|cite)\s+"
    r"(?!(?:in|by|as)\s)(?P<spk>[^.!?;:“”«»\",]{1,120}?)"
    r"(?=(?(quotes)(?:\s+(?:in|on)\s+[^.!?;:“”«»\",]{1,40})?\s*[.!?]?\s*$|(?!))"
    r"|(?:\s(?:in|by)\s[^.!?;:“”«»\",]+)?\s+as\s+saying\b)"
    r"|(?P<subj>[^.!?;:“”«»\",]{1,120}?)\s+(?:was|is|has\s+been|had\s+been)\s+quoted(?=(?:\s(?:in|by)\s[^.!?;:“”«»\",]+)?"
    r"\s+as\s+saying\b))",
    re.S,
)
OBJECT_THAT_RE = re.compile(r"\s+(?:[^\s,;:]+\s+){1,5}?that\s+(?P<clause>\S.*?)[.!?]?\s*$", re.S)
# ", while X said …": a contrast that opens a second speaker's frame in the same sentence
SECOND_FRAME_RE = re.compile(rf",\s+(?:while|whereas)\s+(?=[^,;:“”«»\"]{{1,80}}?\s{CUE}\b)")
# a second predicate of the speaker ends the reported clause: ", but declined to …"
SECOND_PREDICATE_RE = re.compile(
    r",?\s+(?:but|and)\s+(?:also\s+)?(?:declined|refused|did\s+not|didn[’']t|would\s+not|wouldn[’']t|could\s+not"
    r"|couldn[’']t|gave\s+no|offered\s+no|stopped\s+short|did\s+n[’']t|hoped|expressed|called|urged|invited"
    r"|thanked|wished|welcomed|praised|proposed|suggested|asked)\b"
    # a full quote the clause introduces ("… on carbon: “Azerbaijan …”"), or the next clause ", adding that …"
    rf"|:\s*[“\"«]|(?:,\s*(?:also\s+)?|\s+also\s+){PARTICIPLE}\s+that\b"
    # a second reported clause of the same speaker: "… and noted that …", "… and added …", ", saying …"
    rf"|,?\s+(?:and|but)\s+(?:also\s+)?{CUE}\s+that\b|,?\s+and\s+(?:also\s+)?{BARE_CLAUSE_CUE}\s|,\s*saying\s"
    # the writer's remark that nothing more was said
    rf"|,\s+without\s+(?:elaborating|specifying|(?:giving|providing|offering)\s+(?:any\s+|further\s+|more\s+)?details)\b"
)
# how that second clause opens: the cue (or participle) and "that" when it has one
COORDINATED_CUE_RE = re.compile(
    rf"(?:,?\s*(?:and|but)\s+(?:also\s+)?(?P<cue>{CUE})|(?:,\s*(?:also\s+)?|\s+also\s+)(?P<part>{PARTICIPLE}))"
    r"(?P<that>\s+that)?\s+(?=\S)"
)
# when the speaker spoke, right after the cue: "said on Monday", "said Tuesday" (wire style, no "on"),
# "told reporters on Tuesday, December 10"
WHEN_RE = re.compile(
    rf",?\s+(?:(?:on\s+)?{_WEEKDAY}(?!['’]s\b){_DATE_APPOSITION}|on\s+(?:\d{{1,2}}\s+[A-Z][a-z]+|[A-Z][a-z]+"
    rf"\s+\d{{1,2}}(?:st|nd|rd|th)?)|(?:last|this|next)\s+(?:week|month|year|{_WEEKDAY})"
    r"|earlier\s+this\s+(?:week|month|year)|today|yesterday)\b,?"
)
# what may follow a frame that is a sentence of its own, after its cue: nothing, or where and when the
# speaker spoke ("… announced it at a meeting of the parliamentary committee on …", "… said today."), never a
# clause of its own ("… said at a briefing that …")
_FRAME_TAIL_RE = re.compile(
    r"(?:\s+(?:it|this)\b)?(?:,?\s+(?:today|yesterday|on|at|in|during|following|after|before|while|when|via"
    r"|speaking|addressing|commenting|answering|responding)\b(?:(?!\bthat\b)[^.!?;“”«»\"]|\.(?=\S)){0,200})?"
    r"\s*[.!?]?\s*$"
)
# an introductory phrase before such a frame, and nothing more: "At the meeting in Astana,", "However,", an
# outlet's "Report informs,"; never a clause ("However, most of its output goes to Europe, X said.")
_INTRODUCTORY = (
    r"(?:(?:At|In|On|During|After|Before|Following|Speaking|Talking|Addressing|Commenting|Answering|Responding"
    r"|Writing|Referring|Continuing|Concluding|Summing\s+up)\b[^,;]*"
    r"|According\s+to\s+[^,;]{1,60}"  # a credit: "According to NRT, X told the media: …"
    r"|Meanwhile|However|Later|Earlier|Also|Today|Yesterday|Then|Thus|Moreover|Besides|Furthermore|Separately"
    r"|[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?\s+(?:reports|informs|writes|reported|informed))"
)
_INTRODUCTORY_RE = re.compile(_INTRODUCTORY + ",?")
# such a phrase opening a speaker phrase: "Talking to SVT, Leif Boström, director …", "At the event, Name"
# or an outlet's credit without a comma: "Reuters reports Lopez, in a Facebook post, said …", "Trend reports that X"
LEAD_IN_RE = re.compile(r"^(?:" + _INTRODUCTORY + r",\s+(?=\S)"
                        r"|[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?\s+(?:reports|informs|writes)(?:\s+that)?\s+(?=[A-Z]))")


def whole_frame(frame: re.Match[str], text: str, start: int, end: int) -> bool:
    """True when the sentence text[start:end] is only the SUBJ_CUE_RE `frame`: at most an introductory phrase
    before it ("B, X said." is B's frame, no frame of the sentence before), and after its cue nothing but
    where and when the speaker spoke ("said on Monday exports rose" reports a clause of its own)."""
    lead = text[start:frame.start("spk")].strip()
    if lead and _INTRODUCTORY_RE.fullmatch(lead) is None:
        return False
    when = WHEN_RE.match(text, frame.end("obj"), end)
    return _FRAME_TAIL_RE.fullmatch(text, when.end() if when else frame.end("obj"), end) is not None


# a sentence ending in its speech cue and where and when it was spoken: a cheap test before reading it as a frame
CUE_AT_END_RE = re.compile(rf"\b{CUE}\b(?:[^.!?;:“”«»\"]|\.(?=\S)){{0,200}}[.!?]?\s*$")
ACCORDING_PRE_RE = re.compile(r"According\s+to\s+(?P<rest>.+?)[.!?]?\s*$", re.S)
# "In Tukumov’s words, …", "In his opinion, …", "In the view of the minister, …": the same as "According to"
WORDS_OF_PRE_RE = re.compile(
    r"In\s+(?:the\s+(?:words|opinion|view)\s+of\s+(?P<of>[^,;]{2,80}?)|(?:(?P<pron>his|her)|(?P<owner>[A-Z][\w\-]*"
    r"(?:\s+[A-Z][\w\-]*){0,3}?)['’]s?)\s+(?:words|opinion|view|estimation|assessment))\s*,\s+(?P<rest>\S.+?)[.!?]?\s*$",
    re.S)
WORDS_OF_ANY_RE = re.compile(r"\bIn\s+(?:the\s+(?:words|opinion|view)\s+of\s|\S+\s+(?:words|opinion|view|estimation"
                             r"|assessment)\s*,)")
ACCORDING_POST_RE = re.compile(
    r"(?P<clause>\S.*?),?\s+according\s+to\s+(?P<spk>[^,;]+?)(?:,\s*(?P<app>[^,;]+?))?[.!?]?\s*$", re.S
)
ACCORDING_ANY_RE = re.compile(r"\baccording\s+to\s+(?P<spk>[^,;.]+)", re.I)
# "…, AGENCY reports with reference to / citing SPEAKER."
REFERENCE_RE = re.compile(
    rf"(?P<clause>\S.*?),\s+(?P<agency>[^,;:“”«»\"]{{1,60}}?)\s+(?P<cue>{CUE})\s+"
    rf"(?:with\s+reference\s+to|referring\s+to|citing)\s+(?P<spk>[^,;:“”«»\"]{{2,120}}?)\s*[.!?]?\s*$",
    re.S,
)
# "As SPEAKER (has) (earlier) informed, CLAUSE."
AS_CUE_RE = re.compile(
    rf"As\s+(?P<spk>[^,;:“”«»\"]{{1,100}}?)\s+(?:(?:has|had|have)\s+)?(?:already\s+|earlier\s+|previously\s+)?"
    rf"(?P<cue>{CUE})\b(?P<obj>{_OBJ})(?P<mod>{_MOD}),\s+(?P<clause>\S.*?)[.!?]?\s*$",
    re.S,
)
# "As it was explained in a statement by the European Commission, CLAUSE.", "As noted by X, CLAUSE."
AS_BY_RE = re.compile(
    rf"As\s+(?P<passive>(?:it\s+)?(?:was|has\s+been|had\s+been)\s+)?(?P<cue>{CUE})\b[^,;:“”«»\"]{{0,60}}?\s+by\s+"
    # "As noted by the Head of Government at the briefing held today, …": where it was said, after the speaker
    rf"(?P<spk>[^,;:“”«»\"]{{2,100}}?)(?:\s+(?:at|in|on|during)\s+[^,;:“”«»\"]{{2,120}})?,\s+(?P<clause>\S.*?)[.!?]?\s*$",
    re.S,
)
# an outlet's credit opening a sentence: "Azernews reports that …"
_CREDIT_THAT = r"(?:[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?\s+(?:reports|informs|writes)\s+that\s+)?"
# the sentence after a clause that only says who said it: "This was announced … by the Minister X.", "Trend was told
# by X."
THIS_WAS_BY_RE = re.compile(
    rf"(?:{_CREDIT_THAT}"
    rf"(?:[Tt]he|[Tt]his|[Tt]hat|It)\s+(?:statement\s+|remark\s+|comment\s+)?(?:(?:was|has\s+been|had\s+been)\s+"
    rf"(?P<cue>{CUE}|made|voiced)\b[^;:“”«»\"]{{0,100}}?\s+by|came\s+from)"
    # the agencies' passive credit: "Report was told by the head of …, Name."
    rf"|[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?\s+(?:was|has\s+been)\s+(?:told|informed)\s+by)\s+"
    rf"(?:the\s+)?(?P<spk>[^;:“”«»\"]{{2,160}}?)"
    # where or when it was said, after the speaker: "… by Governor X at a press conference", "… on Monday"
    rf"(?:,?\s+(?:(?:commenting|speaking|answering|responding|referring|during|while|who|at|after|before|when"
    rf"|following|addressing)\b|on\s+(?:{WEEKDAY}|the\s+sidelines)\b|in\s+(?:an?|his|her|its)\s)[^;:“”«»\"]{{0,200}})?"
    rf"\s*[.!]?\s*$",
    re.S,
)
# "CLAUSE, SPEAKER(, APPOSITION,) cue."
# what may follow the cue at the end of a sentence: "…, the President announced delivering his address."
_TRAIL = (
    r"(?:,?\s+(?:delivering|speaking|addressing|commenting|answering|responding|during|at|in|on|after|while"
    r"|when|following|via|before|touching)\b[^;:“”«»\"]{0,160}?)?"
)
POST_FRAME_RE = re.compile(
    rf"(?P<clause>\S.*?),\s+(?P<spk>[^,;:“”«»\"]{{1,160}}?(?:,\s[^,;:“”«»\"]{{2,100}},)?)\s+(?:has\s+|have\s+|had\s+)?"
    rf"(?:also\s+)?{ADVERB}"
    rf"(?P<cue>{CUE})\b(?P<obj>{_OBJ})(?P<mod>{_MOD}){_TRAIL}\s*[.!?]?\s*$",
    re.S,
)
# ", cue SPEAKER(, APPOSITION)." ending a sentence: matched at each comma after a reported clause
POST_INV_RE = re.compile(
    rf",\s+(?P<cue>{INVERTED_CUE})\s+{_WHEN}"
    # "…, said in Yerevan": an adverbial, no speaker
    rf"(?!(?:in|at|on|during|after|before|from|with|to|for|by|as|that|this|last|earlier|later|today|yesterday)\b)(?P<spk>[^,;:“”«»\"]{{1,100}}?)(?:,\s*(?P<app>[^,;:]{{2,120}}?))?{_TRAIL}\s*[.!?]?\s*$",
    re.S,
)
QUOTED_AS_HEAD_RE = re.compile(
    r"\bquoted\s+(?P<spk>[^,;:“”«»\"]{1,120}?)\s+as\s+saying\s*[:,]?\s*$"
)
# a partial quote named by what it calls something: "for what he called “…”", "…, describing Brussels as “…”"
CALLED_RE = re.compile(
    r"(?:\b(?:what|which)\s+(?P<spk>[^,;:“”«»\"]{1,60}?)\s+(?:called|termed|dubbed|described\s+as|labell?ed(?:\s+as)?)"
    r"|,?\s*\b(?P<part>describing|calling|terming|dubbing|labell?ing)\b[^,;:“”«»\"]{0,100}?"
    # "…, who was present, referred to the initiative as “…”": the sentence's subject
    r"|\b(?:referred|referring)\s+to\s+(?!by\b)[^,;:“”«»\"]{1,80}?\s+as"
    # "…, referred to by Tokayev as “…”": the one named after "by"
    r"|\breferred\s+to\s+by\s+(?P<agent>[^,;:“”«»\"]{1,60}?)\s+as"
    # "Tokayev called Turkey “…”", "she described the deal as “…”": the subject right before the verb
    r"|(?P<subj>\b(?:[Hh]e|[Ss]he|[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3}))\s+(?:also\s+)?"
    r"(?:called|termed|dubbed|described|labell?ed)\s+[^,;:“”«»\"]{1,80}?(?:\s+as)?)\s*$"
)
# when it was said, opening the sentence with no comma before the speaker: "Last month First Deputy Prime Minister
# Roman Sklyar told reporters", "Earlier Tengrinews.kz reported"
WHEN_OPENER_RE = re.compile(
    rf"^(?:(?:(?:Late|Early|Earlier|Later)\s+)?(?:last|this|Last|This)\s+(?:week|month|year|{_WEEKDAY}|morning)"
    rf"|On\s+{_WEEKDAY}|Earlier|Later|Yesterday|Today)\s+(?=[A-Z])")
# a speaker phrase ending in when it spoke: "Germany’s government on Wednesday"
SPOKE_WHEN_RE = re.compile(
    rf"\s+(?:on\s+{_WEEKDAY}|earlier|later|today|yesterday"
    r"|(?:last|this)\s+(?:week|month))$"
)
# a sentence announcing what follows: "In two posts, Minister Bayraktar made the following statements:"
FOLLOWING_RE = re.compile(
    r"(?:[^,;:“”«»\"]{0,80},\s+)?(?P<spk>[^,;:“”«»\"]{1,120}?)\s+(?:made|issued|gave|posted|published|shared|wrote|said)"
    r"\s+(?:the\s+following|as\s+follows)\b[^:]{0,40}:\s*$"
)
# ", saying that CLAUSE" after a sentence's main clause: the subject's reported clause
_PARTICIPLE_THAT_RE = re.compile(rf",\s+(?P<part>{PARTICIPLE})\s+that\s+(?=\S)")


def participle_that(text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """The first ", saying that " (any participle of speech) in text[start:end], or None; the pattern runs only
    where "ing that" stands, which most text lacks."""
    end = len(text) if end is None else end
    return _PARTICIPLE_THAT_RE.search(text, start, end) if text.find("ing that", start, end) >= 0 else None
# a clause ending in a participle cue right before a quote: "…, noting, “…”", "…, adding: “…”"
# (with where it was said between: ", writing on his X account:", ", adding in an interview:")
PARTICIPLE_BEFORE_RE = re.compile(rf",\s*(?P<cue>{PARTICIPLE})(?:\s+(?:on|in|at|to|during)\s+[^,;:“”«»\"]{{1,60}}?)?"
                                  r"(?:\s+that)?\s*[:,]?\s*$")
# a sentence announcing a statement that the next paragraph quotes: "The Ministry … issued a statement on …",
# "APA reports that the press secretary … released a statement about this."
STATEMENT_BEFORE_RE = re.compile(
    rf"{_CREDIT_THAT}"
    r"(?P<spk>[^,;:“”«»\"]{1,160}?)\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?"
    r"(?:issued|released|published|made|adopted|circulated|posted|shared|delivered|gave|spread)\s+"
    r"(?:a|an|the|its|his|her|their)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:statement|declaration|comment|comments|message|address|speech|remarks|post|appeal)\b"
    r"[^;:“”«»\"]{0,160}?[.!]?\s*$",
    re.S,
)
# an interviewer's question quoted inside "Asked if …": the question, not the answer
ASKED_RE = re.compile(r"\s*(?:When\s+|Being\s+)?[Aa]sked\s+(?:if|whether|about|why|how|what|when)\b")
# a credit closing a sentence: "…, Azernews reports." / "…, Report informs via local media." / "…, Kazinform
# correspondent reports." — the outlet is not the speaker
CREDIT_RE = re.compile(
    r",\s+(?P<outlet>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3})(?:\s+(?:correspondents?|reporters?))?"
    rf"\s+{CREDIT_CUE}"
    r"(?:\s+(?P<citing>citing|quoting|with\s+reference\s+to|via)\b[^,;:]*)?\s*[.!?]?\s*$"
)


def _cue_automaton() -> ahocorasick.Automaton:
    """Automaton over the first word of every cue form ("emphasised", "pointed", "said", ...)."""
    automaton = ahocorasick.Automaton()
    for stem in {form.split()[0] for form in CUE_FORMS}:
        automaton.add_word(stem, len(stem))
    automaton.make_automaton()
    return automaton


_CUE_STEMS = _cue_automaton()


def cue_positions(text: str) -> list[int]:
    """Sorted offsets of the whitespace right before each speech cue word of `text`.

    The starts of the matches of whitespace + cue + word boundary, found by one automaton
    pass over the cue stems and a regex check at each hit, which is cheaper than trying the
    alternation at every space.
    """
    found = {end - size for end, size in _CUE_STEMS.iter(text)}
    return sorted(c for c in found if c >= 0 and text[c].isspace() and CUE_WORD_RE.match(text, c + 1))


def normal_cue(text: str) -> str:
    """A cue as the `cue` column holds it: casefolded, whitespace collapsed, a participle as its past."""
    cue = " ".join(text.casefold().split())
    return PARTICIPLES.get(cue, cue)
