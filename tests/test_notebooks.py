"""docs/quickstart.ipynb runs top to bottom (nbclient), and the notebook view renders.

The screenshot test looks at the rendered HTML in headless Chromium; it skips when there
is no chromium on the machine.
"""
import shutil
import subprocess
from pathlib import Path

import pytest

import jobextract

DOCS = Path(__file__).parent.parent / "docs"
SEED = Path(__file__).parent.parent / "seeds" / "000_c966182d24bed5e6.txt"


def test_quickstart_notebook_runs():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel", reason="the notebook runs in an ipykernel kernel")
    nb = nbformat.read(DOCS / "quickstart.ipynb", as_version=4)
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(DOCS)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("jobextract-posting" in h for h in html)  # the posting's own view
    assert outputs[0]["data"]["text/plain"] == "10"
    assert nb.cells[-1].outputs[0]["data"]["text/plain"].replace(" ", "").endswith("\n1)")  # one shared posting


def test_repr_stays_short_and_html_is_exact():
    p = jobextract.extract_page(SEED.read_text())[0]
    assert len(repr(p)) < 200 and "\n" not in repr(p)
    html = p._repr_html_()
    for section in p.sections:
        from html import escape

        assert escape(p.text[section.start:section.end]) in html


def test_html_view_in_chromium(tmp_path):
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        pytest.skip("no chromium on this machine")
    p = jobextract.extract_page(SEED.read_text())[0]
    page = tmp_path / "posting.html"
    page.write_text(f"<html><body>{p._repr_html_()}</body></html>", encoding="utf-8")
    shot = tmp_path / "posting.png"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1000,700",
                    f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=60)
    assert shot.exists() and shot.stat().st_size > 10_000  # a blank page is a few kB
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
