"""The shipped sentence classifier: present, small, measured, and sensible on clear cases."""
import json
from importlib import resources

import pytest

from jobextract import classifier

CLEAR = [
    ("Bachelor's degree in Computer Science or equivalent practical experience.", "requirements"),
    ("3+ years of experience with Python and SQL.", "requirements"),
    ("Design, build and maintain data pipelines for the analytics team.", "responsibilities"),
    ("Work closely with product managers to define the roadmap.", "responsibilities"),
    ("Generous pension scheme and 27 days annual leave plus bank holidays.", "benefits"),
    ("Medical, dental and vision insurance for you and your family.", "benefits"),
]


def test_weights_ship_in_the_package_and_are_small():
    folder = resources.files("jobextract") / "classifier"
    size = sum(f.stat().st_size for f in resources.as_file(folder).__enter__().rglob("*") if f.is_file())
    assert classifier.available() and size < 8_000_000


def test_held_out_figures_are_recorded():
    metrics = json.loads((resources.files("jobextract") / "classifier" / "metrics.json").read_text())
    assert metrics["n"] > 1000 and metrics["accuracy"] >= 0.75


@pytest.mark.parametrize("sentence,label", CLEAR, ids=[c[1] + str(i) for i, c in enumerate(CLEAR)])
def test_clear_sentences(sentence, label):
    assert classifier.classify([sentence])[0][0] == label
