"""Who holds a role an article names: "the minister", "the Uzbek leader", "the regional akim", "his Kazakh
counterpart" point back to a person named with that role, through the role's own words, a general word for it
(speech.toml `hypernyms`), its country, or its title words alone.

`Holders` is the part of resolve.Article that answers it, from the persons persons.Persons collected.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from loaders.sides import is_country_word, person_side, side_of
from loaders.quotes.persons import Person
from loaders.quotes.roles import fold_token, org_headed, role_tokens
from loaders.quotes.vocab import CONNECTORS, HYPERNYMS, ROLE_WORDS

# a title and the organisation it is of, nothing else: "the CEO of Terna", "Director of Terna"
_TITLE_OF_ORG_RE = re.compile(r"(?:the\s+)?(?:[\w\-]+\s+){1,2}of\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3}")
_HEAD_OF_STATE_RE = re.compile(r"\bhead\s+of\s+(?:the\s+)?state\b", re.I)


def holds(titles: Iterable[str], role: str) -> bool:
    """Whether `role` has each title word, or a title a general word stands for ("leader" for a president)."""
    have = role_tokens(role)
    return all(w in have or HYPERNYMS.get(w, frozenset()) & have for w in titles)


class Holders:
    """The role holders of one article; mixed into resolve.Article, whose persons, mentions and home side it reads."""

    def _counterparts(self, wanted: frozenset[str]) -> set[str]:
        """Who holds the role `wanted` as somebody's counterpart: "Lavrov … his Kazakh counterpart, Marat Tazhin"
        makes Tazhin "the Kazakh foreign minister" when another person's role has the title's words ("Russia's
        foreign minister") and Tazhin's has its country words."""
        country = {w for w in wanted if is_country_word(w)}
        title = wanted - country
        if not country or not title:
            return set()
        if not any(title <= role_tokens(person.role) for person in self.persons.values() if person.role):
            return set()
        return {n for n, person in self.persons.items() if person.role
                and "counterpart" in role_tokens(person.role) and country <= role_tokens(person.role)}

    def _home_holders(self, wanted: frozenset[str]) -> set[str]:
        """Who holds the role `wanted` without its country word, when their role names no country: a Kazakh
        outlet's "Health Minister X" is "the Kazakh health minister"; elsewhere only the one such holder, and
        never one sides.toml places on another side ("President Tokayev … with Italian Prime Minister Meloni. …
        the Kazakh President said")."""
        country = {w for w in wanted if is_country_word(w)}
        title = wanted - country
        if not country or not title:
            return set()
        found = {n for n, person in self.persons.items() if person.role and title <= role_tokens(person.role)
                 and not any(is_country_word(w) for w in role_tokens(person.role))}
        side = side_of(" ".join(country))
        if not found:  # "the Uzbek leader": a general word for a title, only for a person the lists place there
            found = {n for n, person in self.persons.items() if person.role and holds(title, person.role)
                     and person_side(n) == side}
        if self.home and side == self.home:
            return found
        found = {n for n in found if person_side(n) in ("", side)}  # "the Uzbek president" is never Tokayev
        return found if len(found) == 1 else set()

    def _bare_title_holder(self, wanted: frozenset[str]) -> set[str]:
        """The one person whose role is the phrase's title with no organisation of its own ("headed by CEO, Mr
        Luigi Ferraris" for "the CEO of Terna"); empty when none or several are."""
        title = {w for w in wanted if w in ROLE_WORDS}
        if not title or title == wanted:
            return set()
        found = {n for n, person in self.persons.items() if person.role
                 and title <= role_tokens(person.role) and role_tokens(person.role) <= title}
        return found if len(found) == 1 else set()

    def _name_words(self) -> set[str]:
        """The folded words of every person's name the article gives."""
        return {fold_token(w) for name in self.persons for w in name.split()}

    def _title_holder(self, wanted: frozenset[str]) -> set[str]:
        """The one person whose role has each title word of the phrase, else the one whose role has a title a
        general one stands for ("head" for a chairman), whatever else the phrase says of them: "the regional akim"
        for the "Akim of the Karaganda region", "the company's chief executive"; empty when none or several fit."""
        titles = {w for w in wanted if w in ROLE_WORDS}
        if not titles or titles == wanted or len(wanted) > 5 or wanted & self._name_words():
            return set()  # a description only: never a phrase naming somebody ("President X, as Trend")
        literal = {n for n, person in self.persons.items() if person.role and titles <= role_tokens(person.role)}
        found = literal or {n for n, person in self.persons.items() if person.role and holds(titles, person.role)}
        return found if len(found) == 1 else set()

    def _role_holder(self, phrase: str, p: int, pos: int) -> Person | None:
        """The person whose role contains every word of `phrase` ("the Commission President"), or, for a
        general word such as "the diplomat" or "Turkmen leader", a title it stands for with the other words
        (speech.toml `hypernyms`)."""
        wanted = role_tokens(phrase)
        if not wanted or not any(w in ROLE_WORDS for w in wanted):
            return None
        if org_headed(phrase):  # "the official Jordanian news agency": no one's role
            return None
        general = next((w for w in wanted if w in HYPERNYMS), None)
        rest = wanted - {general} if general else wanted
        holders = {n for n, person in self.persons.items() if person.role and (
            wanted <= role_tokens(person.role)
            or (general is not None and HYPERNYMS[general] & role_tokens(person.role) and rest <= role_tokens(person.role)))}
        if not holders:
            holders = self._counterparts(wanted)
        if not holders:
            holders = self._home_holders(wanted)
        if not holders and _TITLE_OF_ORG_RE.fullmatch(phrase.strip()):
            holders = self._bare_title_holder(wanted)
        if not holders and not any(is_country_word(w) for w in wanted):
            holders = self._title_holder(wanted)
        if not holders:
            return None
        # "said the Prime Minister" after "Kazakh Prime Minister Smailov … with Chinese Premier Li": a writer names a
        # person again in the words they first used, so a holder whose role has the phrase's own words comes first
        written = {fold_token(w) for w in phrase.split()} - CONNECTORS
        literal = {n for n in holders if written <= {fold_token(w) for w in self.persons[n].role.split()}}
        holders = literal or holders
        if len(holders) > 1 and _HEAD_OF_STATE_RE.search(phrase) and self.home:
            # "the Head of State" in a story of two presidents: a national outlet's own country's, not the guest's
            # (a bare "the President" may be the guest the story is about)
            holders = {n for n in holders if self._side(self.persons[n].role) == self.home} or holders
        k = bisect.bisect_left(self.mentions, (p, pos, ""))
        before = self._subjects_first([m for m in self.mentions[:k] if m[2] in holders], p)
        if before:
            return self.persons[before[-1][2]]
        return self.persons[holders.pop()] if len(holders) == 1 else None
