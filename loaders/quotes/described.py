"""Speakers named by a description: who "the diplomat", "the speaker" or "the Turkish trade minister" is when no
holder of that role was named before it (the holders module answers when one was).

`Descriptions` is the part of resolve.Article that answers it: the person who spoke or was named just before
(news varies its words for the person it is quoting), a person named right after, the lead's role named further
down the story, or the one person a story is about.
"""

from __future__ import annotations

import bisect
import re

from loaders.sides import is_country_word, side_of
from loaders.quotes.cues import SPEAKS_AFTER_RE, SPOKEN_BEFORE_RE
from loaders.quotes.holders import holds
from loaders.quotes.names import CHUNK_RE
from loaders.quotes.persons import is_object
from loaders.quotes.roles import (DETERMINER_RE, ROLE_SYNONYM_RE, fold_token, head_noun, org_headed, role_like,
                                  role_tokens)
from loaders.quotes.rows import UNNAMED, Speaker
from loaders.quotes.vocab import CHANNEL, JUST_QUOTED_NOUNS, REFER_BACK, ROLE_WORDS

CHANNEL_RE = re.compile(CHANNEL, re.I)
_OWNER_RE = re.compile(r"[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*['’]s\s+(?=[a-z])")
# how many paragraphs after the lead a role it names may wait for its holder's name
_LEAD_REACH = 4


def other_countrys(role: str, other: str) -> bool:
    """Whether two roles name different countries ("the Kazakh President", "Italian Prime Minister"): never
    the same person's."""
    mine = {w for w in role_tokens(role) if is_country_word(w)}
    theirs = {w for w in role_tokens(other) if is_country_word(w)}
    return bool(mine and theirs) and not {side_of(w) for w in mine} & {side_of(w) for w in theirs}


class Descriptions:
    """The description resolver of one article; mixed into resolve.Article, whose persons, mentions, spoken
    speakers and registers it reads."""

    def _official_just_quoted(self, raw: str, p: int, pos: int) -> Speaker | None:
        """“…,” Name said. “…,” the Tajik official said: "the … official" (or "the diplomat", speech.toml
        `just_quoted`) right after a person spoke (in the same paragraph or the one before) is that person, when
        the words before the noun do not give another side than that person's, where it is known ("the European
        official" after a Kazakh minister is someone else); never "the source", "the expert"."""
        words = raw.strip(" ,").split()
        if len(words) < 2 or words[0].casefold() != "the" or words[-1].casefold() not in JUST_QUOTED_NOUNS:
            return None
        last = self._last_spoken(p, pos)
        if last is None or last[0] < p - 1 or not last[1].person:
            return None
        if not any(is_country_word(w) for w in words[1:-1]):  # "the government official": no side of its own
            return last[1]
        return last[1] if last[1].side in ("", side_of(" ".join(words[1:]))) else None

    def _described(self, raw: str, p: int, pos: int, how: str) -> Speaker | None:
        """For a definite description no role holder fits ("the EU's foreign policy chief"), the person who
        spoke or was named just before it (for a channel, "the spokesman", the organisation that spoke just
        before), else the one named just after it (_named_next); else an unnamed speaker. None when the
        phrase is no definite description of a role."""
        text = raw.strip()
        role = DETERMINER_RE.sub("", text)
        owner = _OWNER_RE.match(text)  # "Greenland's premier" is as definite as "the premier"
        head = role.split(",", 1)[0]  # "The ministry is auctioning blocks, Energy Minister X": a clause, no role
        if not (DETERMINER_RE.match(text) or owner) or not (role_like(head) or ROLE_SYNONYM_RE.fullmatch(role)):
            return None
        if org_headed(head):  # "the official Jordanian news agency": an organisation, never who spoke before
            return None
        recent = self._recent_speaker(p, pos)
        if recent is not None and not other_countrys(role, recent.role):
            return recent._replace(attribution=how)
        if fold_token(head_noun(role)) in REFER_BACK:  # "the speaker believes" paragraphs on: who spoke or was named last
            last = self._last_person(p, pos)
            if last is not None and not other_countrys(role, last.role):
                return last._replace(attribution=how)
        if CHANNEL_RE.fullmatch(role):  # "the spokesman said" after "a Commission spokesman said": the Commission
            last = self._last_spoken(p, pos, person=False)
            if last is not None and last[0] >= p - 1:
                return last[1]._replace(attribution=how)
        return (self._named_next(role, p, pos, how) or self._named_later(role, p, pos, how)
                or self._sole_person(role, how) or UNNAMED)

    def _sole_person(self, role: str, how: str) -> Speaker | None:
        """The one person the article names, when it gives them no role: a story about one person calls them by
        their post ("…,” said Alisher Shodmanov. … “…,” the Health Minister said.); they take the role."""
        if (len(self.persons) != 1 or self._unsure or CHANNEL_RE.fullmatch(role)
                or fold_token(head_noun(role)) in REFER_BACK):
            return None
        person = next(iter(self.persons.values()))
        # they have spoken already: a story about someone ("a journalist went missing … the police chief said")
        # gives the post to whoever holds it, not to its subject
        if person.role or not any(speaker.name == person.name for _, _, speaker in self.spoken):
            return None
        return self._as_speaker(self._register(person.name, role.split(",")[0]), how)

    def _named_next(self, role: str, p: int, pos: int, how: str) -> Speaker | None:
        """A role named before its holder ("…, the head of the Ministry of Energy said. … Parviz Shahbazov
        noted"): the first person named after (p, pos), in the same paragraph or the next, when nobody was
        named before it there; they take the role. A general word ("the interlocutor", speech.toml
        `refer_back`) never points ahead, nor does a role to a person named as an object ("The President … responded
        to an appeal from X")."""
        if fold_token(head_noun(role)) in REFER_BACK:
            return None
        k = bisect.bisect_left(self.mentions, (p, pos, ""))
        if k >= len(self.mentions) or self.mentions[k][0] > p + 1 or is_object(self.paras[self.mentions[k][0]],
                                                                                self.mentions[k][1]):
            return None
        person = self._register(self.mentions[k][2], role.split(",")[0])  # the role, not a name after it
        self._mention(p, pos, person.name)
        return self._as_speaker(person, how)

    def _named_later(self, role: str, p: int, pos: int, how: str) -> Speaker | None:
        """A role the lead gives a speaker whose name the story holds back ("…, the Turkish trade minister said on
        Tuesday." … "Mehmet Muş spoke at a news conference"): the first person named after it, within a few
        paragraphs, as a subject and not as an object, who speaks somewhere in the story, is not named in the lead
        itself, and whose own role, if any, has the lead role's title words and no other country; they take the
        role. Only in the lead, the first paragraph."""
        title = {w for w in role_tokens(role) if w in ROLE_WORDS}
        if p != 0 or not title or fold_token(head_noun(role)) in REFER_BACK:
            return None
        in_lead = {name for q, _, name in self.mentions if q == p}
        k = bisect.bisect_left(self.mentions, (p, pos, ""))
        for q, at, name in self.mentions[k:]:
            if q > p + _LEAD_REACH:
                break
            person = self.persons[name]
            if name in in_lead or is_object(self.paras[q], at) or not self._speaks(name) or (
                    person.role and (not holds(title, person.role) or other_countrys(role, person.role))):
                continue
            person = self._register(name, role.split(",")[0])
            self._mention(p, pos, person.name)
            return self._as_speaker(person, how)
        return None

    def _speaks(self, name: str) -> bool:
        """Whether the article names the person `name` right before or after a speech cue ("Muş noted", "said
        Celik") anywhere."""
        for q, at, mentioned in self.mentions:
            chunk = CHUNK_RE.match(self.paras[q], at) if mentioned == name else None
            if chunk is not None and (SPEAKS_AFTER_RE.match(self.paras[q], chunk.end())
                                      or SPOKEN_BEFORE_RE.search(self.paras[q], max(0, at - 40), at)):
                return True
        return False

    def _last_spoken(self, p: int, pos: int, person: bool | None = None) -> tuple[int, Speaker] | None:
        """(paragraph, speaker) of the last named speaker before (p, pos); only persons or only organisations
        when `person` says so."""
        for k in range(bisect.bisect_left(self.spoken, (p, pos)) - 1, -1, -1):
            q, _, speaker = self.spoken[k]
            if person is None or speaker.person == person:
                return q, speaker
        return None

    def _recent_speaker(self, p: int, pos: int) -> Speaker | None:
        """The person who spoke or was named last before (p, pos), in the same paragraph or the one before."""
        return self._last_person(p, pos, reach=1)

    def _last_person(self, p: int, pos: int, reach: int | None = None) -> Speaker | None:
        """The person who spoke last before (p, pos), else the one named last; within `reach` paragraphs before
        `p` when given."""
        first = 0 if reach is None else p - reach
        last = self._last_spoken(p, pos)
        if last is not None and last[1].person and last[0] >= first:
            return last[1]
        k = bisect.bisect_left(self.mentions, (p, pos, ""))
        if k and self.mentions[k - 1][0] >= first:
            return self._as_speaker(self.persons[self.mentions[k - 1][2]], "explicit")
        return None
