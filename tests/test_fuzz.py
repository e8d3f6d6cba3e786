"""Any str gives a valid JobPosting whose every value sits at its offsets, the same every time.

Bounded: hypothesis runs a fixed number of examples with no deadline, so the whole file
takes well under a minute.
"""
import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import jobextract
from jobextract.models import JobPosting

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# pieces that postings (and broken scrapes) are made of
_PIECES = st.sampled_from([
    "Responsibilities:", "Requirements", "• ", "- ", "* ", "1. ", "\n", "\n\n", " ", "\t", "\r\n",
    "Key job responsibilities", "Basic qualifications", "We are looking for a Senior Data Scientist",
    "US, WA, Seattle", "London, UK", "<p>", "</p>", "<li>", "<ul>", "<h2>", "&lt;p&gt;", "&amp;", "<b>",
    "$120,000+", "Negotiable", "DOE", "50lbs", "2024", "12", "Join Acme.", "Acme is an equal opportunity employer.",
    "\x00", "\u200b", "\ufeff", "\ud800", "\udfff", "😀", "👩‍💻", "مهندس برمجيات", "\u202e", "שלום",
    "Ingeniero de datos", "Straße", "İ", "ﬁ", "ǅ", "\u0301", "…", "：", "！",
])
POSTINGS = st.one_of(
    st.text(),  # any str: control characters, NUL, lone surrogates, everything
    st.lists(_PIECES | st.text(max_size=20), max_size=60).map("".join),
)


def check(posting: JobPosting) -> None:
    """Every value that carries offsets is the text at them."""
    text = posting.text
    spans = [*posting.responsibilities, *posting.requirements, *posting.preferred_qualifications,
             *posting.benefits, *posting.sections, *posting.evidence.values()]
    if posting.summary is not None:
        spans.append(posting.summary)
    if posting.salary is not None:
        spans.append(posting.salary)
    for d in (posting.dates.posted, posting.dates.valid_through, posting.dates.start):
        if d is not None:
            spans.append(d)
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start:span.end] == span.text, span
    for loc in posting.locations:
        assert loc.start is not None and text[loc.start:loc.end] == loc.raw
    if posting.team is not None and posting.team.start is not None:
        assert posting.team.start <= posting.team.end <= len(text)
    bodies = sorted((s.start, s.end) for s in posting.sections if s.end > s.start)
    for (_, end), (start, _) in zip(bodies, bodies[1:]):
        assert end <= start, "sections overlap: an item would be reported twice"
    JobPosting.model_validate_json(posting.model_dump_json())  # serialises and validates back


@FUZZ
@given(POSTINGS)
def test_any_text_gives_a_valid_posting_at_its_offsets(text):
    posting = jobextract.extract(text)
    check(posting)
    assert jobextract.extract(text) == posting  # deterministic


@settings(max_examples=30, deadline=None)
@given(st.lists(POSTINGS, min_size=1, max_size=8))
def test_batches_match_single_extraction(texts):
    assert list(jobextract.extract_many(texts, batch_size=3)) == [jobextract.extract(t) for t in texts]


EXTREMES = {
    "bullets-10k": "Responsibilities:\n" + "\n".join(f"• Item number {i} of the list" for i in range(10_000)),
    "inline-bullets-10k": "Key job responsibilities " + " ".join("• Build" for _ in range(10_000)),
    "word-1MB": "a" * 1_000_000,
    "caps-word-1MB": "A" * 1_000_000,
    "unbalanced-html": "<div><ul><li>Lead design<li><b>Requirements<p>Python" + "<div>" * 5_000 + "</span></p></b>",
    "deep-html": "<div>" * 20_000 + "<h2>Duties</h2><ul><li>Lead</li></ul>" + "</div>" * 20_000,
    "controls": "".join(chr(i) for i in range(32)) * 50 + "Responsibilities:\n- Lead\x00 design",
    "rtl": "\u202eمسؤوليات:\n• قيادة الفريق\n• كتابة الكود\nResponsibilities:\n- Lead",
    "surrogates": "\ud83d\ude00 Requirements:\n- \udc00Python\n- Go\ud800",
    "emoji": "🚀 We're hiring a Senior Engineer 👩‍💻\n\nResponsibilities:\n- 🔧 Build things\n- 📈 Grow",
    "only-newlines": "\n" * 10_000,
    "only-bullets": "• " * 10_000,
}


@pytest.mark.parametrize("name", list(EXTREMES))
def test_extreme_inputs(name):
    text = EXTREMES[name]
    posting = jobextract.extract(text)
    check(posting)


def test_same_output_in_another_process():
    texts = [EXTREMES["emoji"], EXTREMES["rtl"], EXTREMES["surrogates"],
             "US, WA, Seattle\nWe are looking for a Senior Data Scientist. Key job responsibilities • Lead • Ship"]
    here = [jobextract.extract(t).model_dump_json() for t in texts]
    code = ("import ast, json, sys, jobextract\n"
            "texts = ast.literal_eval(sys.stdin.read())\n"
            "print(json.dumps([jobextract.extract(t).model_dump_json() for t in texts]))")
    # repr() keeps a lone surrogate pair as two code points (JSON would join them into one)
    out = subprocess.run([sys.executable, "-c", code], input=repr(texts), capture_output=True,
                         text=True, check=True).stdout
    assert json.loads(out) == here


# words and separators the cue phrases are made of, so the pieces the scan keeps are varied
_CUE_PIECES = st.sampled_from([
    "full time", "Full-Time", "part time", "permanent", "bank", "join the bank", "remote", "hybrid", "on-site",
    "fixed term", "contract", "internship", "closing date", "deadline", "posted", "applications accepted from",
    "8 November 2020", "to", "1", "37.5", "hours per week", ". ", "; ", ": ", "| ", "\n", " ", ",", "(", ")", "a ",
    "the ", "our ", "two ", "role", "post", "basis", "July 26, 2018", "p.m.", "n.a.",
])
_CUE_TEXTS = st.lists(_CUE_PIECES | st.text(max_size=8), max_size=40).map("".join)


@FUZZ
@given(_CUE_TEXTS)
def test_keyed_scan_finds_what_the_whole_pattern_finds(text):
    """:mod:`jobextract.prefilter`: the sentence-restricted search returns exactly the
    matches (spans and rule names) of the whole alternation, on the text and lower-cased."""
    from jobextract.dates import _cues
    from jobextract.employment import _PHRASES

    for scan in (_PHRASES, _cues()):
        for t in (text, text.lower()):
            got = [(m.span(), m.lastgroup) for m in scan.finditer(t)]
            assert got == [(m.span(), m.lastgroup) for m in scan.pattern.finditer(t)]
