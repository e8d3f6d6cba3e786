"""Every dev posting (all seven files of shared/data/dev) extracts without a crash, every
offset exact. Skipped where the dev data is absent; deselect with ``-m "not slow"``."""
import json
from pathlib import Path

import pytest

import jobextract
from jobextract.models import ExtractionFailure

from test_fuzz import check

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev"
# file -> the field holding the posting (google_job_skills: its three fields as sections)
FIELDS = {
    "glassdoor": "Job Description", "la_city_bulletins": "text", "indeed_html": "html",
    "nhs_jobs": "description", "hn_who_is_hiring": "text", "skillspan": "text_reconstructed",
}


def _google(row):
    return (f"{row.get('Title') or ''}\n{row.get('Location') or ''}\n\n"
            f"Responsibilities:\n{row.get('Responsibilities') or ''}\n\n"
            f"Minimum qualifications:\n{row.get('Minimum Qualifications') or ''}\n\n"
            f"Preferred qualifications:\n{row.get('Preferred Qualifications') or ''}")


def dev_postings():
    for path in sorted(DEV.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                row = json.loads(line)
                text = _google(row) if path.stem == "google_job_skills" else row.get(FIELDS.get(path.stem, ""))
                if isinstance(text, str):
                    yield (text, f"{path.stem}:{n}")


@pytest.mark.slow
@pytest.mark.skipif(not DEV.is_dir(), reason="the dev corpora (shared/data/dev) are not here")
def test_every_dev_posting_extracts_with_exact_offsets():
    count = 0
    crashes = []
    for posting, where in jobextract.extract_many(dev_postings(), as_tuples=True, on_error="record",
                                                  n_process=2, batch_size=32):
        count += 1
        if isinstance(posting, ExtractionFailure):
            crashes.append((where, posting.error_type, posting.message))
            continue
        check(posting)
    assert crashes == []
    assert count > 7000
