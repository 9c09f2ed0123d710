"""docs/formats.md: every example in it is read by the kit and means what the page says it means.

Each fenced example follows a marker, ``<!-- example: KIND; key: value; ... -->``, that says what it
is (a draft, a YAML set, an organisation, a check-in log, the JSON output) and what the kit must
make of it: how many objectives and key results, which findings, which exit status.
"""
import collections
import json
import re
from dataclasses import dataclass
from datetime import date

import pytest

import okrkit
from okrkit.cli import main
from okrkit.cycle import checkins
from okrkit.formats.cycles import parse_cycle
from okrkit.formats.drafts import parse
from okrkit.formats.yamlsets import from_yaml
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
_MARKER = re.compile(r"<!-- example: (?P<spec>[^>]*?) -->\n(?:```(?P<lang>\w*)\n(?P<body>.*?)\n```\n)?", re.S)


@dataclass(frozen=True)
class Example:
    kind: str
    spec: dict
    body: str | None
    lang: str | None

    @property
    def label(self) -> str:
        return " ".join([self.kind] + [f"{k}={v}" for k, v in self.spec.items() if k in ("name", "file", "of")])


def _examples() -> list[Example]:
    found = []
    for match in _MARKER.finditer(DOC):
        kind, *pairs = [part.strip() for part in match["spec"].split(";")]
        spec = dict(pair.split(":", 1) for pair in pairs)
        found.append(Example(kind, {k.strip(): v.strip() for k, v in spec.items()}, match["body"], match["lang"]))
    return found


EXAMPLES = _examples()
BY_NAME = {e.spec["name"]: e for e in EXAMPLES if "name" in e.spec}


def expected_findings(example: Example) -> collections.Counter:
    """``findings: none`` or ``findings: CODE WHERE , CODE WHERE`` (an empty WHERE is the whole set)."""
    text = example.spec["findings"]
    pairs = [] if text == "none" else [(item.split() + [""])[:2] for item in text.split(",")]
    return collections.Counter((code, where) for code, where in pairs)


def found(loaded) -> collections.Counter:
    return collections.Counter((f.code, f.where) for f in okrkit.check(loaded))


def counts(loaded) -> dict:
    sets = loaded.sets if isinstance(loaded, okrkit.Organisation) else (loaded,)
    objectives = [o for s in sets for o in s.objectives]
    return {"sets": str(len(sets)), "objectives": str(len(objectives)),
            "key results": str(sum(len(o.key_results) for o in objectives))}


def assert_reads_as_marked(example: Example, loaded) -> None:
    for key, value in counts(loaded).items():
        if key in example.spec:
            assert value == example.spec[key], f"{example.label}: {key}"
    assert found(loaded) == expected_findings(example), example.label


def test_every_fenced_block_is_a_marked_example():
    fences = DOC.count("\n```") // 2
    assert fences == sum(e.body is not None for e in EXAMPLES) >= 10


def test_the_page_shows_every_format():
    kinds = {e.kind for e in EXAMPLES}
    assert {"draft", "yaml-set", "organisation", "organisation-file", "checkin-csv", "checkin-yaml",
            "check-json"} <= kinds
    closed = [from_yaml(e.body) for e in EXAMPLES if e.kind == "yaml-set"]
    assert any(o.retro is not None for s in closed for o in s.objectives), "a set closed with retro blocks"


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.kind == "draft"], ids=lambda e: e.label)
def test_drafts(example):
    assert example.lang == "text"
    assert_reads_as_marked(example, parse(example.body))


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.kind == "yaml-set"], ids=lambda e: e.label)
def test_yaml_sets(example):
    loaded = from_yaml(example.body)
    assert isinstance(loaded, okrkit.OKRSet) and example.lang == "yaml"
    assert_reads_as_marked(example, loaded)


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.kind == "organisation"], ids=lambda e: e.label)
def test_organisations(example, tmp_path):
    if "directory" in example.spec:
        directory = tmp_path / example.spec["directory"]
        directory.mkdir()
        parts = [e for e in EXAMPLES if e.kind == "organisation-file" and e.spec["directory"] == directory.name]
        assert len(parts) >= 2
        for part in parts:
            (directory / part.spec["file"]).write_text(part.body + "\n", encoding="utf-8")
        loaded = okrkit.load(directory)
    else:
        loaded = from_yaml(example.body)
    assert isinstance(loaded, okrkit.Organisation)
    assert_reads_as_marked(example, loaded)


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.kind.startswith("checkin-")], ids=lambda e: e.label)
def test_checkin_logs(example):
    okr_set = from_yaml(BY_NAME[example.spec["set"]].body)
    read = checkins.from_csv if example.kind == "checkin-csv" else checkins.from_yaml
    cycle = parse_cycle(okr_set.cycle)
    log = checkins.validate(read(example.body, "log"), okr_set, cycle, today=cycle.end)
    assert not log.problems, [str(p) for p in log.problems]
    assert len(log.entries) == int(example.spec["rows"])
    assert all(e.kr.startswith("O") for e in log.entries)  # every row found its key result
    assert all(0 <= e.confidence <= 1 for e in log.entries if e.confidence is not None)


def test_a_log_on_the_ten_point_scale_reads_as_the_page_says():
    csv_example = next(e for e in EXAMPLES if e.kind == "checkin-csv")
    log = checkins.from_csv(csv_example.body)
    assert log.entries[0].confidence == pytest.approx(0.7)


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.kind == "check-json"], ids=lambda e: e.label)
def test_the_json_output_is_what_okrkit_check_prints(example, tmp_path, monkeypatch, capsys):
    source = BY_NAME[example.spec["of"]]
    (tmp_path / f"{source.spec['name']}.okr").write_text(source.body + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "--format", "json", f"{source.spec['name']}.okr"])
    printed = json.loads(capsys.readouterr().out)
    shown = json.loads(example.body)
    assert code == int(example.spec["exit"])
    assert shown["summary"] == printed["summary"]
    assert len(shown["findings"]) == len(printed["findings"])
    for doc, real in zip(shown["findings"], printed["findings"]):
        assert list(doc) == list(real)  # the same fields, in the same order
        worded = ("message", "hint")  # their wording may improve; the page says so
        assert {k: v for k, v in doc.items() if k not in worded} == {k: v for k, v in real.items() if k not in worded}
        assert all(doc[k] and real[k] for k in worded)


def test_the_dates_of_the_logs_fall_in_the_cycle_of_their_set():
    """The logs are validated against the cycle's last day; a row after it would be refused, not read."""
    okr_set = from_yaml(BY_NAME["sales"].body)
    late = "kr,date,value\nO1/KR1,2025-04-02,25\n"
    cycle = parse_cycle(okr_set.cycle)
    log = checkins.validate(checkins.from_csv(late), okr_set, cycle, today=date(2025, 6, 30))
    assert not log.entries and "outside the cycle" in str(log.problems[0])


def test_the_numbers_of_a_key_result_are_read_from_its_words_as_the_page_says():
    assert '"from 20 to 30 Mil USD" is a baseline\n  of 20 million and a target of 30 million, in USD, going up' in DOC
    first = parse(next(e for e in EXAMPLES if e.kind == "draft").body).objectives[0].key_results[0]
    read = first.measure
    assert (read.baseline, read.target, read.unit, read.direction) == (20e6, 30e6, "USD", "increase")
