"""The texts a learner could paste instead of writing: the lessons' worked examples, the kit's
example drafts and organisations, every exercise's given material and model answer.

A judge compares an answer's statements (objectives, key results, notes) with these, so a copy
is recognised and refused kindly. The lessons and model answers live in notebooks outside the
package; ``okrkit build-exercises`` collects their statements into ``okrkit/data/worked-examples.json``.
"""
from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from pathlib import Path

from okrkit.text import language

_DATA = "worked-examples.json"
_STATEMENT = re.compile(
    r"^\s*(?:-\s*)?(?:\{\s*)?(?:(?:O|KR|title|text|note|value|learning|decided)\s*:\s*)?(.+?)\s*$", re.I)
_KEYS = re.compile(r"^\s*(?:-\s*)?[\w ]+:\s*$|^\s*(?:id|team|level|cycle|owner|type|aligns_to|depends_on|supports|"
                   r"organisation|current|score|execution|decision|links_to|sets|objectives|key_results|retro)\s*:",
                   re.I)
_MIN_WORDS = 3
_TEXT_LITERAL = re.compile(r'"""(.*?)"""|\'\'\'(.*?)\'\'\'', re.S)


def statement(text: str) -> str:
    """A statement as compared for copies: normalised, numbers kept."""
    return language.normalise(text, numbers=True)


def statements_of(source: str) -> set[str]:
    """The statements of a draft, YAML or code text: objective and key result lines, titles,
    key results and notes, each normalised; keys, ids and short fragments left out."""
    found = set()
    for line in source.splitlines():
        if line.lstrip().startswith(("#", "import ", "from ")) or _KEYS.match(line):
            continue
        match = _STATEMENT.match(line)
        text = match[1] if match else ""
        text = re.split(r",\s*(?:current|score|note)\s*:", text)[0].strip("{}\"'` ,")
        if len(language.words(text)) >= _MIN_WORDS and not text.endswith(("(", "[", "{", '"""')):
            found.add(statement(text))
    return found


def collect(notebooks: Path, solutions: Path) -> dict[str, list[str]]:
    """The statements of every lesson's code cells ("lesson 03") and every model answer
    ("solution 03-1"), as the kit ships them in worked-examples.json."""
    from okrkit.exercises.notebooks import read_answers, read_notebook

    found: dict[str, list[str]] = {}
    for path in sorted(notebooks.glob("*.ipynb")):
        cells = read_notebook(path)["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        texts = "\n".join(a or b for a, b in _TEXT_LITERAL.findall(code))  # the drafts a lesson shows
        found[f"lesson {path.name[:2]}"] = sorted(statements_of(texts))
    for path in sorted(solutions.glob("*.ipynb")):
        for exercise_id, cell in read_answers(path).items():
            value = cell.value.get("draft", "") if isinstance(cell.value, dict) else cell.value
            if isinstance(value, str):
                found[f"solution {exercise_id}"] = sorted(statements_of(value))
    return found


def write(notebooks: Path, solutions: Path) -> bool:
    """Refresh the packaged statements from the notebooks; whether anything changed."""
    from okrkit.files import write_atomic

    target = Path(str(resources.files("okrkit") / "data" / _DATA))
    text = json.dumps(collect(notebooks, solutions), indent=1, ensure_ascii=False) + "\n"
    if target.exists() and target.read_text(encoding="utf-8") == text:
        return False
    write_atomic(target, text, keep_previous=False)  # generated: nothing of a learner's is lost
    return True


@cache
def packaged() -> dict[str, frozenset[str]]:
    text = (resources.files("okrkit") / "data" / _DATA).read_text(encoding="utf-8")
    return {name: frozenset(lines) for name, lines in json.loads(text).items()}


@cache
def kit_examples() -> dict[str, frozenset[str]]:
    """The kit's example drafts and organisations, which the lessons load and show."""
    data = resources.files("okrkit") / "data"
    found = {}
    for folder, kind in (("drafts", "example draft"), ("organisations", "example organisation")):
        for item in sorted((data / folder).iterdir(), key=lambda p: p.name):
            found[f"{kind} {item.name.rsplit('.', 1)[0]}"] = frozenset(statements_of(item.read_text(encoding="utf-8")))
    return found


@cache
def exercise_material() -> dict[str, frozenset[str]]:
    """Each exercise's given context and starter, and the examples its hints quote."""
    from okrkit.exercises.registry import EXERCISES

    found = {}
    for ex in EXERCISES:
        given = [ex.context, ex.starter.get("draft", "") if isinstance(ex.starter, dict) else ex.starter]
        quoted = [q for hint in ex.hints for q in re.findall(r"'([^']{12,})'", hint)]
        found[f"exercise {ex.id}"] = frozenset(statements_of("\n".join(str(g) for g in given + quoted)))
    return found


def sources() -> dict[str, frozenset[str]]:
    return {**packaged(), **kit_examples(), **exercise_material()}
