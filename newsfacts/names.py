"""Name normalization shared by identity, matching and scoring."""
from __future__ import annotations

import re
import unicodedata


def norm(text: object) -> str:
    """Fold a name for comparison: case, dashes, quotes, spaces and a leading 'the'."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text)).casefold()
    s = re.sub(r"[\u2010-\u2015\u2212-]+", "-", s)
    s = re.sub(r"[\u2018\u2019\u201a\u201b`´]", "'", s)
    s = re.sub(r"[\u201c\u201d\u201e\"]", "", s)
    s = re.sub(r"\s*-\s*", "-", s)
    s = re.sub(r"\s+", " ", s).strip(" .,;:()")
    if s.startswith("the "):
        s = s[4:]
    return s


def entity_id(name: object) -> str:
    """Natural id of a named entity: its folded name without diacritics."""
    s = unicodedata.normalize("NFKD", norm(name))
    return "".join(ch for ch in s if not unicodedata.combining(ch))
