"""extract_page on the seed pages: the article is not a posting; each posting is found."""
from pathlib import Path

import pytest

import jobextract

SEEDS = Path(__file__).parent.parent / "seeds"
EXPECTED_CITIES = {
    "000_c966182d24bed5e6.txt": ["Redmond", "Arlington", "Culver City", "Sunnyvale", "Seattle", "New York",
                                 "Bellevue", "Bengaluru", "Bellevue", "Seattle"],
    "001_bc5f894484e6b61a.txt": ["Gurugram", "Seattle", "Seattle", "Boston", "Seattle", "Vancouver", "New York",
                                 "New York", "Seattle", "New York"],
}


@pytest.mark.parametrize("name", sorted(EXPECTED_CITIES))
def test_seed_page_gives_its_ten_postings_in_order(name):
    page = (SEEDS / name).read_text(encoding="utf-8")
    postings = jobextract.extract_page(page)
    assert [p.locations[0].city for p in postings] == EXPECTED_CITIES[name]
    for p in postings:
        assert page[p.text_start:p.text_start + len(p.text)] == p.text
        assert not p.text.startswith("MLSys")  # the article is not a posting


def test_page_without_postings_gives_none():
    assert jobextract.extract_page("An article about conferences.\n\nIt has no postings.") == []


def test_page_items_trace_into_the_page():
    page = (SEEDS / "001_bc5f894484e6b61a.txt").read_text(encoding="utf-8")
    for p in jobextract.extract_page(page):
        for item in p.responsibilities + p.requirements:
            start = p.text_start + item.start
            assert page[start:start + len(item.text)] == item.text


def test_two_pages_joined_keep_the_second_article_out_of_the_first_page_postings():
    first, second = (SEEDS / name for name in sorted(EXPECTED_CITIES))
    alone = jobextract.extract_page(first.read_text(encoding="utf-8"))
    joined = jobextract.extract_page(first.read_text(encoding="utf-8") + "\n" + second.read_text(encoding="utf-8"))
    assert [p.locations[0].city for p in joined] == EXPECTED_CITIES[first.name] + EXPECTED_CITIES[second.name]
    last = joined[len(alone) - 1]
    # the page's postings are one block each: the last ends at the blank line before the article's body
    assert "Related content" not in last.text and "Smola says" not in last.text
    assert last.responsibilities[:-1] == alone[-1].responsibilities[:-1]
    # the next page's headline line, before its first blank line, still closes the last item:
    # nothing in a bare join marks where the next page opens
    assert last.responsibilities[-1].text.startswith(alone[-1].responsibilities[-1].text)


def test_a_posting_of_several_paragraphs_is_kept_whole_among_paragraph_postings():
    page = ("Related content\nUS, WA, Seattle\nWe build.\n\nYou will ship.\n"
            "IN, KA, Bengaluru\nWe test.\n\nYou will review.")
    assert [p.text for p in jobextract.extract_page(page)] == [
        "US, WA, Seattle\nWe build.\n\nYou will ship.", "IN, KA, Bengaluru\nWe test.\n\nYou will review."]
