"""The package's shape: a small public face on top, subpackages by domain, layers that point one way."""
import ast
import pathlib

import pytest

PACKAGE = pathlib.Path(__file__).resolve().parents[1] / "okrkit"
# Which okrkit subpackages each layer may import at module level (RULES of CONTRIBUTING.md).
ALLOWED = {
    "text": {"errors", "text"},
    "formats": {"text", "model", "errors", "files", "bulk", "formats"},
    "rules": {"text", "model", "errors", "findings", "bulk", "scoring", "formats", "rules", "alignment"},
}


def module_name(path: pathlib.Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def module_level_imports(path: pathlib.Path) -> set[str]:
    """The okrkit modules a file imports when it is imported (not inside functions)."""
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("okrkit"):
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if (PACKAGE.parent / (candidate.replace(".", "/") + ".py")).exists()
                          or (PACKAGE.parent / candidate.replace(".", "/")).is_dir() else node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("okrkit")}
    return found


GRAPH = {module_name(p): module_level_imports(p) for p in PACKAGE.rglob("*.py")}


def test_the_top_of_the_package_is_its_public_face():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 12, top


def test_every_subpackage_says_what_it_holds():
    for init in PACKAGE.glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc.split()) >= 12, f"{init}: say what the subpackage holds and what it may import"


def test_no_import_circle_at_module_level():
    """Package __init__ files aside (importing a submodule always runs its package's __init__)."""
    edges = {m: {d for d in deps if d in GRAPH and d != "okrkit"} for m, deps in GRAPH.items() if m != "okrkit"}
    state: dict[str, int] = {}

    def visit(module, path):
        state[module] = 1
        for dep in edges.get(module, ()):
            if state.get(dep) == 1:
                pytest.fail("import circle: " + " -> ".join(path[path.index(dep):] + [dep]))
            if dep not in state:
                visit(dep, path + [dep])
        state[module] = 2

    for module in edges:
        if module not in state:
            visit(module, [module])


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layers_point_one_way(layer):
    for module, deps in GRAPH.items():
        if module.split(".")[1:2] != [layer]:
            continue
        for dep in deps:
            used = dep.split(".")[1] if dep.count(".") else ""
            assert used in ALLOWED[layer], f"{module} imports {dep}: the {layer} layer may use {sorted(ALLOWED[layer])}"
