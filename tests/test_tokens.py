"""jobextract tokenises a text exactly as ``spacy.blank("en")`` does: the tokeniser's cache
is warmed chunk by chunk (``jobextract.pipeline._warm_chunks``), which must change no token."""
import pytest
import spacy

import jobextract
from jobextract.api import _normalised
from jobextract.pipeline import make_doc

from test_dev_corpus import DEV, dev_postings

# real-shaped lines with the tokeniser's special cases, affixes, URLs and numbers
TEXTS = [
    "Don't apply via e-mail (see Sec. 4.2 of the bulletin, i.e. the 3rd paragraph).",
    "We're hiring! Salary: $120k-$150k/yr. Start: ASAP; hours 9 a.m. - 5 p.m., Mon.-Fri.",
    "Apply at https://jobs.example.com/123?ref=li or jobs@example.co.uk :) It's U.S.-based.",
    "£11.44 - £12.50 per hour\nTemporary, full-time\n• 5+ yrs' experience w/ C++/C#, Node.js",
    "Open & closing dates: 11/01/2024 to 11/15/2024 (EST). Can't relocate? You'll work remotely.",
    "LOCATION: Yerevan, Armenia\nTERM: Full time\nAPPLICATION DEADLINE: 11 April 2015\n\n\tSTART DATE: ASAP",
    "Salary: ₹18 LPA | Employment Type: Full Time, Permanent | Location: Bengaluru, Karnataka, India",
]


def _tokens(doc):
    return [(t.text, t.whitespace_, t.norm_, t.is_space) for t in doc]


def _check(texts):
    nlp, blank = jobextract.load(), spacy.blank("en")
    for text in texts:
        expected = _tokens(blank.make_doc(text))
        assert _tokens(make_doc(nlp, text)) == expected
        assert _tokens(make_doc(nlp, text)) == expected  # the second time from the cache


def test_tokens_as_blank_english():
    _check(TEXTS)


@pytest.mark.slow
@pytest.mark.skipif(not DEV.is_dir(), reason="the dev corpora (shared/data/dev) are not here")
def test_dev_tokens_as_blank_english():
    _check([_normalised(text, None) for text, _ in dev_postings()])
