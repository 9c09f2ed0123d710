"""The labelled corpus in ../shared/corpus: the checker reports exactly the expected findings."""
import collections
import json

import pytest

import okrkit
from tests.conftest import SHARED

CORPUS = SHARED / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text())["files"]
SINGLE_SET_DRAFTS = sorted(name for name in EXPECTED if name.endswith(".okr"))
SINGLE_SET_YAML = sorted(
    name for name in EXPECTED if name.endswith((".yaml", ".yml"))
    and not okrkit.formats.yamlsets.is_organisation(okrkit.formats.yamlsets.read_yaml((CORPUS / name).read_text())[0]))


def test_the_corpus_has_the_single_set_drafts():
    assert len(SINGLE_SET_DRAFTS) >= 12


@pytest.mark.parametrize("name", SINGLE_SET_DRAFTS)
def test_single_set_drafts(name):
    found = collections.Counter((f.code, f.where) for f in okrkit.check(okrkit.load(CORPUS / name)))
    assert found == collections.Counter(tuple(pair) for pair in EXPECTED[name])


def test_the_corpus_has_the_scored_and_closed_sets():
    assert {"16-self-assessment.yaml", "17-committed-and-sandbagging.yaml", "18-retro.yaml"} <= set(SINGLE_SET_YAML)


@pytest.mark.parametrize("name", SINGLE_SET_YAML)
def test_single_set_yaml_files(name):
    loaded = okrkit.load(CORPUS / name)
    assert isinstance(loaded, okrkit.OKRSet)
    found = collections.Counter((f.code, f.where) for f in okrkit.check(loaded))
    assert found == collections.Counter(tuple(pair) for pair in EXPECTED[name])


ORGANISATIONS = sorted(set(EXPECTED) - set(SINGLE_SET_DRAFTS) - set(SINGLE_SET_YAML))


def test_the_corpus_has_the_organisations():
    assert {"13-lateral-alignment.yaml", "14-silos.yaml", "15-broken-links.yaml"} <= set(ORGANISATIONS)


@pytest.mark.parametrize("name", ORGANISATIONS)
def test_organisations(name):
    loaded = okrkit.load(CORPUS / name)
    assert isinstance(loaded, okrkit.Organisation)
    found = collections.Counter((f.code, f.where) for f in okrkit.check(loaded))
    assert found == collections.Counter(tuple(pair) for pair in EXPECTED[name])
