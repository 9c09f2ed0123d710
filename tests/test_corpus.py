"""Labelled drafts, sets and organisations: the checker reports exactly the expected findings.

The kit's own labelled fixtures (tests/data, with tests/data/expected.json) always run. The course's
shared labelled corpus (../shared/corpus) is compared too when it sits beside the clone, as in CI;
without it those tests skip, saying so, and `.ci/run` still scores it.
"""
import collections
import json

import pytest

import okrkit
from tests.conftest import DATA, SHARED

CORPUS = SHARED / "corpus"
HAVE_CORPUS = (CORPUS / "expected.json").is_file()
OWN = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))["files"]
SHARED_EXPECTED = (json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["files"]
                   if HAVE_CORPUS else {})
needs_corpus = pytest.mark.skipif(not HAVE_CORPUS, reason=f"the shared labelled corpus is not beside this clone "
                                                          f"(looked in {CORPUS}; OKRKIT_SHARED may point to it); .ci/run scores it in CI")


def findings(path) -> collections.Counter:
    return collections.Counter((f.code, f.where) for f in okrkit.check(okrkit.load(path)))


def kind(path) -> type:
    return type(okrkit.load(path))


def test_the_own_fixtures_cover_drafts_sets_and_organisations():
    kinds = collections.Counter(kind(DATA / name).__name__ for name in OWN)
    assert kinds["OKRSet"] >= 9 and kinds["Organisation"] >= 2
    checker_fixtures = [p for p in DATA.rglob("*") if p.suffix in (".okr", ".yaml") and "judges" not in p.parts]
    assert sorted(OWN) == sorted(str(p.relative_to(DATA)) for p in checker_fixtures)


@pytest.mark.parametrize("name", sorted(OWN))
def test_own_fixture(name):
    assert findings(DATA / name) == collections.Counter(tuple(pair) for pair in OWN[name])


@needs_corpus
def test_the_shared_corpus_has_drafts_sets_and_organisations():
    kinds = collections.Counter(kind(CORPUS / name).__name__ for name in SHARED_EXPECTED)
    assert kinds["OKRSet"] >= 15 and kinds["Organisation"] >= 3


@needs_corpus
@pytest.mark.parametrize("name", sorted(SHARED_EXPECTED) or ["(absent)"])
def test_shared_corpus_file(name):
    assert findings(CORPUS / name) == collections.Counter(tuple(pair) for pair in SHARED_EXPECTED[name])
