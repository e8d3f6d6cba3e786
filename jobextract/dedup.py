"""Fingerprints for deduplication: the same posting on two pages gets one fingerprint.

The fingerprint hashes the content a reader would call "the posting": title, company,
locations and the items of responsibilities, requirements, preferred qualifications and
benefits. Each is lower-cased and reduced to its words (punctuation, bullets and white
space folded away), and each list is joined before hashing, so a posting whose bullets
were lost on one page ("- Lead design - Mentor" against "Lead design Mentor") still
matches. Offsets, sections, ``text_start`` and the surrounding page do not count.

>>> from jobextract.models import JobPosting
>>> a = JobPosting(title="Data Scientist", company="Acme", text="x")
>>> b = JobPosting(title="data  scientist!", company="ACME", text="y")
>>> fingerprint(a) == fingerprint(b), len(fingerprint(a))
(True, 16)
>>> fingerprint(a) == fingerprint(JobPosting(title="Data Engineer", company="Acme"))
False
"""
from __future__ import annotations

import hashlib
import json
import re
from typing import TYPE_CHECKING, Iterable, Optional

if TYPE_CHECKING:
    from .models import JobPosting

_WORD = re.compile(r"\w+")
ITEM_FIELDS = ("responsibilities", "requirements", "preferred_qualifications", "benefits")


def fold(text: Optional[str]) -> str:
    """Lower-case words joined by single spaces.

    >>> fold("  Lead   the DESIGN -- of • rockets. ")
    'lead the design of rockets'
    """
    return " ".join(_WORD.findall((text or "").lower()))


def _joined(texts: Iterable[str]) -> str:
    return fold(" ".join(texts))


def fingerprint(posting: "JobPosting") -> str:
    """The first 16 hex digits of the sha256 of the posting's normalised content."""
    content = {
        "title": fold(posting.title),
        "company": fold(posting.company),
        "locations": sorted(fold(loc.raw) for loc in posting.locations),
        **{name: _joined(item.text for item in getattr(posting, name)) for name in ITEM_FIELDS},
    }
    blob = json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:16]
