"""The documentation stands alone: its links lead to files of this repository, never beside it."""
import re

import pytest

from tests.conftest import ROOT

PAGES = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def links(page) -> list[str]:
    return LINK.findall(page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_relative_link_leads_to_a_file_of_the_repository(page):
    for target in links(page):
        if target.startswith(("http://", "https://", "mailto:", "#")):
            continue
        path = (page.parent / target.split("#")[0]).resolve()
        assert path.is_relative_to(ROOT), f"{page.name} links outside the repository: {target}"
        assert path.exists(), f"{page.name} links to a missing file: {target}"


def test_the_readme_and_the_docs_never_send_a_reader_outside_the_repository():
    for page in PAGES:
        if page.name == "CONTRIBUTING.md":  # it may say where CI finds the course's labelled corpus
            continue
        text = page.read_text(encoding="utf-8")
        assert "../shared" not in text and "shared/spec" not in text, page.name
    assert not [t for t in links(ROOT / "README.md") if t.startswith(("http://", "https://"))]


def test_the_readme_links_the_formats_and_the_contributing_guide():
    readme = links(ROOT / "README.md")
    assert "docs/formats.md" in readme and "CONTRIBUTING.md" in readme
