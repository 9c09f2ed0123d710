"""The labelled corpus in ../shared/corpus: the checker reports exactly the expected findings."""
import collections
import json

import pytest

import okrkit
from tests.conftest import SHARED

CORPUS = SHARED / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text())["files"]
SINGLE_SET_DRAFTS = sorted(name for name in EXPECTED if name.endswith(".okr"))


def test_the_corpus_has_the_single_set_drafts():
    assert len(SINGLE_SET_DRAFTS) >= 12


@pytest.mark.parametrize("name", SINGLE_SET_DRAFTS)
def test_single_set_drafts(name):
    found = collections.Counter((f.code, f.where) for f in okrkit.check(okrkit.load(CORPUS / name)))
    assert found == collections.Counter(tuple(pair) for pair in EXPECTED[name])
