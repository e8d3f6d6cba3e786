"""Quality gate on the dev corpora: per-source minimums (tests/baseline.json, "dev").

The gold is built from the sources' own fields by benchmarks/dev_gold.py; 150 postings a
source, the same seeded sample every run. Skipped where ../shared/data/dev is absent.
"""
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "dev"
BASELINE = json.loads((ROOT / "tests" / "baseline.json").read_text())
LIMIT = 150

pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason=f"no dev corpora at {DATA}")


@pytest.fixture(scope="module")
def dev_scores(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import dev_eval
    import dev_gold

    out = tmp_path_factory.mktemp("gold")
    dev_gold.main([str(DATA), "--out", str(out)])
    scores = {}
    for source in BASELINE["dev"]:
        records = dev_eval.load_gold(out / f"{source}.jsonl", LIMIT)
        results, errors = dev_eval.evaluate(records)
        assert errors == 0, f"{source}: {errors} postings failed"
        per_metric: dict[str, list[float]] = {}
        for _rec, metrics, _pred in results:
            for metric, value in metrics:
                per_metric.setdefault(metric, []).append(value)
        scores[source] = {m: sum(v) / len(v) for m, v in per_metric.items()}
    return scores


@pytest.mark.parametrize("source,metric", [(s, m) for s, ms in BASELINE["dev"].items() for m in ms])
def test_dev_score_holds(dev_scores, source, metric):
    minimum = BASELINE["dev"][source][metric]
    got = dev_scores[source][metric]
    assert got >= minimum - BASELINE["tolerance"], f"{source} {metric} fell to {got:.3f} (minimum {minimum})"
