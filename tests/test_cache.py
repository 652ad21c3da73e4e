"""The corpus tables cache: the same tables as computing them, and never stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis import cache, corpus, facts
from analysis.config import ROOT


@pytest.fixture
def cache_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))
    return folder


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", folder)
    return folder


def test_cached_tables_are_the_computed_ones(seeds, cache_folder):
    first = cache.corpus_tables(seeds)
    assert len(list(cache_folder.glob("corpus-*.pickle"))) == 1
    again = cache.corpus_tables(seeds)  # read back from the file
    expected = facts.facts_table(corpus.load_corpus(seeds))
    assert again.facts.equals(expected) and first.facts.equals(expected)
    assert again.docs.equals(first.docs)
    assert [d.doc_id for d in again.corpus] == [d.doc_id for d in first.corpus]


def test_a_changed_document_is_read_again(seeds, cache_folder):
    before = cache.corpus_tables(seeds)
    (seeds / "zz_new.txt").write_text(
        "A New Report\n\nIn 2009, China had 4,321 science attachés in its embassies.\n",
        encoding="utf-8",
    )
    after = cache.corpus_tables(seeds)
    assert 4321 not in set(before.facts["value"]) and 4321 in set(after.facts["value"])
    assert len(list(cache_folder.glob("corpus-*.pickle"))) == 2


def test_an_unreadable_cache_file_is_computed_again(seeds, cache_folder):
    expected = cache.corpus_tables(seeds).facts
    (entry,) = cache_folder.glob("corpus-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert cache.corpus_tables(seeds).facts.equals(expected)
    assert entry.read_bytes() != b"not a pickle"


def test_bad_input_is_not_cached(tmp_path, cache_folder):
    from analysis.config import InputError

    with pytest.raises(InputError, match="not a folder"):
        cache.corpus_tables(tmp_path / "missing")
    assert not list(cache_folder.glob("corpus-*.pickle"))
