"""Reading YAML that anyone may have written, without being hurt by it.

Safe loading alone builds no Python objects, but a YAML file can still crash or stall a
reader: libyaml's composer recurses once per level of nesting (a file of 50,000 ``[`` ends
the process), a few aliases can repeat one list a billion times ("billion laughs"), and a
field written twice silently loses its first value. :func:`read_yaml` refuses all three
with an :class:`InputError` that names the file and line.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from okrkit.errors import InputError

# Nesting that libyaml's recursive composer is trusted with; deeper files go to the pure
# Python reader, whose recursion limit turns them into a clear error.
TRUSTED_DEPTH = 1_000
# Aliases may at most double a document (plus this many entries): an OKR file repeats little.
ALIAS_ALLOWANCE = 10_000

_DEEP_INDENT = re.compile(rf"^[ \t?:-]{{{TRUSTED_DEPTH}}}", re.MULTILINE)
_BRACKET = re.compile(r"[\[\]{}]")
_ANCHOR = re.compile(r"(?:^|[\s\[{,])&\S")
_MERGE = "tag:yaml.org,2002:merge"
_STR = "tag:yaml.org,2002:str"


def read_yaml(text: str, path: str | None = None) -> tuple[Any, Any]:
    """The document and its node tree (for line numbers), or an InputError."""
    import yaml

    loader = _loader(pure_python=_may_nest_deeply(text))(text)
    try:
        node = loader.get_single_node()
        if node is not None and "&" in text and _ANCHOR.search(text):  # the search is slow, the test not
            _refuse_alias_bombs(node, path)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        raise InputError(f"not valid YAML: {problem}", path, mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise InputError(f"not valid YAML: {' '.join(str(exc).split())}", path) from None
    except RecursionError:
        raise InputError("YAML nested too deeply", path) from None
    finally:
        loader.dispose()
    return data, node


def _may_nest_deeply(text: str) -> bool:
    """Whether the text could nest deeper than TRUSTED_DEPTH (a cheap overestimate).

    Block nesting needs indentation or a run of "- " / "? " at the start of a line; flow
    nesting needs brackets (counted even inside quotes, which only overestimates).
    """
    if _DEEP_INDENT.search(text):
        return True
    depth = 0
    for bracket in _BRACKET.finditer(text):
        depth = depth + 1 if bracket.group() in "[{" else max(depth - 1, 0)
        if depth >= TRUSTED_DEPTH:
            return True
    return False


@lru_cache(maxsize=2)
def _loader(pure_python: bool) -> type:
    """A safe loader (libyaml when there is one) that refuses a mapping key written twice."""
    import yaml

    base = yaml.SafeLoader if pure_python else getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):
        def construct_object(self, node, deep=False):
            """A value PyYAML recognises but cannot build (2025-13-45 as a date, an integer of
            5,000 digits, ``!!bool maybe``) is a YAML error with its line, not a crash."""
            if node.tag == _STR and isinstance(node, yaml.ScalarNode):
                return node.value  # what construct_yaml_str returns, without the bookkeeping: most nodes are text
            try:
                return super().construct_object(node, deep)
            except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
                if isinstance(exc, yaml.YAMLError):
                    raise
                shown = node.value if isinstance(node.value, str) else node.tag
                raise yaml.constructor.ConstructorError(
                    None, None, f"{shown[:40]!r} cannot be read as {node.tag.rsplit(':', 1)[-1]} "
                                f"({' '.join(str(exc).split())[:80]}); put it in quotes to keep it as text",
                    node.start_mark) from None

        def construct_yaml_int(self, node):
            value = super().construct_yaml_int(node)
            if value.bit_length() > 1_000:  # 0x then 5,000 digits: no amount, and too long to print
                raise ValueError("more than 300 digits")
            return value

        def flatten_mapping(self, node):
            keys = [(key.tag, key.value) for key, _ in node.value
                    if key.tag != _MERGE and isinstance(key, yaml.ScalarNode)]
            if len(set(keys)) != len(keys):
                seen = set()
                for key, _ in node.value:
                    if key.tag == _MERGE or not isinstance(key, yaml.ScalarNode):
                        continue
                    if (key.tag, key.value) in seen:
                        raise yaml.constructor.ConstructorError(
                            None, None, f"'{key.value[:40]}' is written twice in one mapping; YAML would keep "
                                        "only the last one, so write it once", key.start_mark)
                    seen.add((key.tag, key.value))
            super().flatten_mapping(node)

    Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_yaml_int)
    return Loader


def _children(node: Any) -> list:
    if node.id == "mapping":
        return [part for pair in node.value for part in pair]
    return node.value if node.id == "sequence" else []


def _refuse_alias_bombs(root: Any, path: str | None) -> None:
    """Count the nodes the document would have with every alias written out, without doing so.

    Refuses an alias inside the entry it names (the document would be endless) and aliases
    that more than double the document.
    """
    sizes: dict[int, int] = {}  # id(node) -> size with aliases expanded
    open_nodes: set[int] = set()  # nodes whose children are still being counted
    stack = [(root, False)]
    while stack:
        node, counted = stack.pop()
        key = id(node)
        if counted:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
        elif key in open_nodes:
            raise InputError("an alias (*name) refers to the entry that holds it, which would never end",
                             path, node.start_mark.line + 1)
        elif key not in sizes:
            open_nodes.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in _children(node))
    if sizes[id(root)] > 2 * len(sizes) + ALIAS_ALLOWANCE:
        raise InputError("its aliases (*name) repeat entries so often that the document would be huge "
                         "(a 'billion laughs' file?); write the entries out instead", path)
