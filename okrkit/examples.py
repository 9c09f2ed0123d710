"""Drafts that ship with the kit: the course's examples and a blank template.

A learner starts an exercise from one of these (``DraftChecker(example="go-to-market-weak")``)
instead of copying text out of the course deck. Each example is a text draft in
``okrkit/data/drafts/``, named for what it shows; its first line is a comment saying where
in the course it comes from.

The course's alignment examples are whole organisations, YAML files in
``okrkit/data/organisations/`` (:func:`organisation_names`); :func:`load_example` loads any
example by name, an organisation or a draft, ready to check, analyse or draw.
"""
from __future__ import annotations

from importlib import resources


def _folder():
    return resources.files("okrkit") / "data" / "drafts"


def example_names() -> list[str]:
    """The names of the course's example drafts, sorted."""
    return sorted(entry.name.removesuffix(".okr") for entry in _folder().iterdir()
                  if entry.name.endswith(".okr"))


def example(name: str) -> str:
    """The text of a course example draft, or a KeyError naming the examples there are."""
    names = example_names()
    if name not in names:
        raise KeyError(f"no example draft {name!r}; the examples are: {', '.join(names)}")
    return (_folder() / f"{name}.okr").read_text(encoding="utf-8")


def template() -> str:
    """A blank draft with every line a learner needs and a note on what belongs there."""
    return (resources.files("okrkit") / "data" / "draft-template.okr").read_text(encoding="utf-8")


def organisation_names() -> list[str]:
    """The names of the course's example organisations (the alignment examples), sorted."""
    folder = resources.files("okrkit") / "data" / "organisations"
    return sorted(entry.name.removesuffix(".yaml") for entry in folder.iterdir() if entry.name.endswith(".yaml"))


def load_example(name: str):
    """A course example by name: an :class:`~okrkit.model.Organisation` or a parsed draft."""
    from okrkit.formats.drafts import parse
    from okrkit.formats.yamlsets import from_yaml

    if name in organisation_names():
        path = resources.files("okrkit") / "data" / "organisations" / f"{name}.yaml"
        return from_yaml(path.read_text(encoding="utf-8"), f"{name}.yaml")
    if name in example_names():
        return parse(example(name), f"{name}.okr", set_id=name)
    raise KeyError(f"no example {name!r}; the organisations are: {', '.join(organisation_names())}; "
                   f"the drafts are: {', '.join(example_names())}")
