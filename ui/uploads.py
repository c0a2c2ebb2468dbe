"""Articles a user uploads: read per session beside the data folder's corpus, marked as theirs, and their
rejections shown in full. Uploads live in this browser session only; a copied link does not carry them."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from loaders import Corpus, load_corpus
from ui.text import counted
from ui.view import UPLOAD_PREFIX, uploaded

TYPES = ["txt", "json", "jsonl", "csv"]
HELP = ("Plain text (a `date YYYY-MM-DD` line, title, body), JSON, JSON Lines or CSV records. "
        "They stay in this browser session only: a copied link does not carry them.")


@dataclass(frozen=True)
class Upload:
    """The session's upload: the files it was read from, the combined corpus and an error message ("" if none)."""

    key: tuple
    corpus: Corpus
    error: str


def with_uploads(base: Corpus) -> tuple[Corpus, str]:
    """Draws the uploader; returns `base` combined with the uploaded files (read once per session and file set),
    and an error message ("" when they could be read)."""
    files = st.file_uploader("Add your own articles", type=TYPES, accept_multiple_files=True, key="upload", help=HELP)
    if not files:
        return base, ""
    key = (base.fingerprint, tuple((f.file_id, f.name, f.size) for f in files))
    cached: Upload | None = st.session_state.get("_upload")
    if cached and cached.key == key:
        return cached.corpus, cached.error
    try:
        # serial: a worker pool started inside the server would re-import the running script (see loading.build_apart)
        theirs = load_corpus([(UPLOAD_PREFIX + f.name, f.getvalue()) for f in files], cache_dir=False, engine="serial")
        combined, error = base.combine(theirs), ""
    except Exception as err:  # any failure of a user's file becomes a message, never a traceback
        combined = base
        error = f"Could not read the uploaded files ({type(err).__name__}). Check they are UTF-8 text, JSON or CSV article files."
    st.session_state["_upload"] = Upload(key, combined, error)
    return combined, error


def notice(full: Corpus, error: str) -> None:
    """In the main area: the upload's error, every uploaded file that did not become an article with its reason
    in full, and a reminder that uploads live in this session only."""
    if error:
        st.error(error, icon=":material/upload_file:")
    rejected = full.rejected[uploaded(full.rejected["origin"])]
    if not rejected.empty:
        st.warning(f"{counted(len(rejected), 'uploaded file')} did not become articles; the reasons are below.",
                   icon=":material/warning:")
        st.dataframe(rejected.assign(origin=rejected["origin"].str.removeprefix(UPLOAD_PREFIX)),
                     hide_index=True, width="stretch",
                     column_config={"origin": st.column_config.TextColumn("File", width="medium"),
                                    "reason": st.column_config.TextColumn("Reason", width="large")})
    mine = int(uploaded(full.articles["origin"]).sum())
    if mine:
        st.info(f"{counted(mine, 'uploaded article')} {'is' if mine == 1 else 'are'} included, marked “uploaded”. "
                "Uploads live in this browser session only: a copied link does not carry them.",
                icon=":material/upload_file:")
