"""Copies of one story share a story_id: a republished, lightly edited copy joins its original; another story
on the same event, an empty text or a short note does not."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import load_corpus, stories
from tests.test_app import metric, no_exception

STORY = [
    "The European Commission and the Government of Kazakhstan agreed on Tuesday to fund three feasibility "
    "studies for lithium and graphite deposits in the east of the country, the two sides said in a joint statement.",
    "The studies, worth 12 million euros, will be carried out by a consortium of European and Kazakh geological "
    "institutes and are expected to be finished by the end of next year.",
    "“These deposits can supply a battery industry on both sides of the Caspian,” the Kazakh minister of "
    "industry told reporters after the signing ceremony in Astana.",
    "The agreement follows the memorandum on raw materials, batteries and renewable hydrogen signed in 2022, "
    "under which the partners promised joint projects along the whole value chain.",
    "Officials said a second round of studies, on rare earths and copper, could be announced in the spring.",
]
# The same story as another outlet republishes it: its own dateline and credit, the last paragraph cut, a
# paragraph of background added, one word changed.
COPY = [
    "ASTANA, 4 June (Wire) – " + STORY[0],
    STORY[1].replace("will be", "would be"),
    STORY[2],
    "Kazakhstan holds some of the largest reserves of tungsten and chromium in the world.",
    STORY[3],
]
# Another story on the same event, written separately: the same names and numbers, other sentences.
SAME_EVENT = [
    "Brussels will pay for three studies of Kazakh lithium and graphite fields, according to a statement "
    "released by the Commission's delegation in Astana on Tuesday evening.",
    "A Kazakh-European group of geologists is to spend 12 million euros on the work over the coming year, "
    "the delegation said, without naming the sites.",
    "Analysts in Almaty said the deal was small but showed that the 2022 memorandum was producing projects.",
    "The industry ministry did not reply to a request for comment.",
]


def _story_ids(*texts: list[str]) -> list[str]:
    ids = [f"article-{n}" for n in range(len(texts))]
    return stories.group(ids, stories.signatures(["\n\n".join(t) for t in texts])).tolist()


def test_a_republished_copy_joins_the_story_of_the_first_article():
    assert _story_ids(STORY, COPY) == ["article-0", "article-0"]
    assert _story_ids(COPY, STORY) == ["article-0", "article-0"]


def test_another_story_on_the_same_event_is_a_story_of_its_own():
    assert _story_ids(STORY, SAME_EVENT, COPY) == ["article-0", "article-1", "article-0"]


def test_a_copy_of_a_copy_joins_through_it():
    second = [COPY[0], COPY[1], "A spokesperson for the delegation confirmed the figures on Wednesday.", COPY[3],
              COPY[4]]
    assert _story_ids(STORY, SAME_EVENT, second, COPY) == ["article-0", "article-1", "article-0", "article-0"]


def test_texts_without_words_are_never_joined():
    assert _story_ids([""], ["– … –"], STORY) == ["article-0", "article-1", "article-2"]


def test_short_notes_join_only_when_their_words_are_the_same():
    assert _story_ids(["Talks resumed."], ["Talks resumed."], ["Talks ended."]) == ["article-0", "article-0",
                                                                                  "article-2"]


def test_a_signature_does_not_depend_on_the_hash_seed_of_the_process():
    code = ("from loaders import stories; import sys; "
            "sys.stdout.write(stories.signatures([sys.argv[1]]).tobytes().hex())")
    text = "\n\n".join(STORY)
    runs = {seed: subprocess.run([sys.executable, "-c", code, text], capture_output=True, text=True, check=True,
                                 env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert runs["1"] == runs["2"] == stories.signatures([text]).tobytes().hex()


texts = st.lists(st.text(alphabet=st.sampled_from("ab cd\n."), max_size=60), max_size=12)


@settings(max_examples=60, deadline=None)
@given(texts)
def test_property_a_texts_signature_is_the_same_alone_as_in_any_batch(batch):
    together = stories.signatures(batch)
    assert together.shape == (len(batch), stories.PERMUTATIONS) and together.dtype == np.uint32
    for n, text in enumerate(batch):
        assert (stories.signatures([text])[0] == together[n]).all()


@settings(max_examples=60, deadline=None)
@given(texts)
def test_property_a_story_id_is_the_first_id_of_its_story(batch):
    ids = [f"id{n}" for n in range(len(batch))]
    story = stories.group(ids, stories.signatures(batch)).tolist()
    for n, sid in enumerate(story):
        first = ids.index(sid)
        assert first <= n and story[first] == sid
    for n, text in enumerate(batch):  # an identical text with words is in the story of its first copy
        if any(ch.isalnum() for ch in text):
            assert story[n] == story[batch.index(text)]


FILES = {"a.txt": "date 2024-06-04\nLithium studies\n\n" + "\n\n".join(STORY),
         "b.txt": "date 2024-06-05\nEU to fund lithium studies\n\n" + "\n\n".join(COPY),
         "c.txt": "date 2024-06-04\nBrussels pays for studies\n\n" + "\n\n".join(SAME_EVENT)}


@pytest.mark.parametrize("engine", ["serial", "processes"])
def test_a_build_gives_copies_one_story_id(write_files, engine):
    articles = load_corpus(write_files(FILES), cache_dir=False, engine=engine, workers=2).articles
    story = dict(zip(articles["origin"].str.rsplit("/", n=1).str[-1], articles["story_id"]))
    ids = dict(zip(articles["origin"].str.rsplit("/", n=1).str[-1], articles["article_id"]))
    assert story == {"a.txt": ids["a.txt"], "b.txt": ids["a.txt"], "c.txt": ids["c.txt"]}


def test_count_story_in_the_url_counts_a_story_once_and_the_reader_names_the_other_copy(app_on, write_files):
    folder = write_files(FILES)
    everything = app_on(folder).run()
    no_exception(everything)
    assert metric(everything, "Articles") == "3"
    at = app_on(folder)
    at.query_params["count"] = "story"
    at.run()
    no_exception(at)
    assert at.toggle(key="f_count").value is True
    assert metric(at, "Articles") == "2"
    at.switch_page("pages/articles.py").run()
    no_exception(at)
    listing = at.main.dataframe[0].value
    assert listing["title"].tolist() == ["Brussels pays for studies", "Lithium studies"]
    assert not at.expander  # the story opened first has no other copy
    ids = load_corpus(folder, cache_dir=False).articles.set_index("title")["article_id"]
    at.selectbox(key="ar_open").set_value(ids["Lithium studies"]).run()
    no_exception(at)
    assert [e.label for e in at.expander] == ["Also published: 1 other copy of this story"]
    copies = at.expander[0].dataframe[0].value
    assert copies.to_dict("records") == [{"date": "2024-06-05", "source": "Wire",  # its dateline names it
                                          "title": "EU to fund lithium studies"}]
    assert at.query_params["count"] == "story"


def test_uploads_keep_the_corpus_stories_and_are_grouped_among_themselves(write_files, monkeypatch):
    base = load_corpus(write_files(FILES), cache_dir=False)
    note = "\n\n".join(SAME_EVENT[:3])
    uploads = load_corpus([("up:1.txt", f"date 2024-06-06\nNote\n\n{note}".encode()),
                           ("up:2.txt", f"date 2024-06-07\nNote again\n\nWIRE – {note}\n\nMore to follow.".encode())],
                          cache_dir=False)
    hashed = []
    real = stories.signatures
    monkeypatch.setattr(stories, "signatures", lambda texts: hashed.append(len(texts)) or real(texts))
    both = base.combine(uploads)
    assert hashed == [2]  # the corpus's own articles are not hashed again
    assert both.articles["story_id"].iloc[:3].tolist() == base.articles["story_id"].tolist()
    first_upload = both.articles["article_id"].iloc[3]
    assert both.articles["story_id"].iloc[3:].tolist() == [first_upload, first_upload]


def test_words_in_any_script_count_so_a_cyrillic_text_has_a_signature_and_accents_stay_in_words():
    cyrillic = "Казахстан и Европейский союз подписали дорожную карту по сырью и водороду в Астане сегодня"
    assert not (stories.signatures([cyrillic])[0] == stories.EMPTY).all()
    # "Öskemen" is one word, not "skemen" (which "Üskemen" would be too)
    a, b = stories.signatures(["Talks in Öskemen went on", "Talks in Üskemen went on"])
    assert not (a == b).all()
