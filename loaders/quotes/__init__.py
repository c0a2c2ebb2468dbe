"""Direct and reported quotes with their speakers, from an article's paragraphs.

One module per stage, the engine separate from the rules and the rules separate from their words:

- `vocab`: cue verbs, titles, channels and unnamed-source nouns, read from loaders/speech.toml;
- `marks`: the quoted spans of an article, and which are titles, not quotes;
- `cues`: where speech verbs stand, and the frames around them;
- `names`, `roles` and `phrases`: person names in running text, roles on their own (a title before a
  name, an apposition after it, the words a holder is matched by), and what a speaker phrase says on its
  own (name, title, apposition, channel); `sources`: phrases naming no person by name (unnamed sources,
  "an LG Chem official", a capital for its government, an honorific held by one person);
- `resolve`: who a phrase denotes in its article, with `frames` ("SPEAKER cue" at a sentence's start, past
  openers and an outlet's credit), `persons` (the people it names, surnames,
  pronouns, role holders), `organisations` (fullest names, acronyms as `acronyms` spells them, press services of posts,
  "the ministry", "it") and `documents` ("the statement said": who issued or published it);
- `direct` and `reported`: each an ordered list of named rules (the direct quote's rules in `direct_rules`);
  every row records its rule;
- `rows` and `table`: the speaker and row types, and the quotes table.

Cost: an article's people are collected once, on the first speaker lookup; a paragraph is
split into sentences only when a quote, cue or name needs it; the frame patterns run only on
text holding a cue word or "according to"; readings of tokens and phrases are memoised.
"""

from loaders.quotes.table import article_rows, quotes_table

__all__ = ["article_rows", "quotes_table"]
