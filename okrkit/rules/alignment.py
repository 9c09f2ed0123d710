"""Rules about an organisation: how its sets hang together (OKR401-OKR406).

The problems are found by :mod:`okrkit.alignment`, once per organisation; each rule here
only words them. ``where`` starts with the set id ("sales/O1/KR2").
"""
from __future__ import annotations

from okrkit.alignment import Ref, of
from okrkit.model import Organisation
from okrkit.rules.record import Hit, Rule

def _line(org: Organisation, ref: Ref) -> int | None:
    graph = of(org)
    return graph.key_result(ref).line if ref.key_result is not None else graph.objective(ref).line


def _short(text: str, width: int = 50) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _repeated(org: Organisation):
    graph = of(org)
    for item, original in graph.repeated:
        level = graph.set_of(original).level
        what = "objective" if item.key_result is None else "key result"
        yield Hit(str(item), f"This {what} repeats {original} (the {level} level) word for word: "
                             "a lower level should contribute to it, not copy it.", _line(org, item))


def _unaligned(org: Organisation):
    graph = of(org)
    for ref in graph.silos:
        yield Hit(str(ref), "This objective is a silo: it aligns to nothing, depends on no one, supports no one, "
                            "and no other objective aligns to it or supports it.", _line(org, ref))


def _conflicting(org: Organisation):
    graph = of(org)
    for kr, other in graph.conflicts:
        yield Hit(str(kr), f"This key result tracks the same metric as {other} "
                           f"('{_short(graph.key_result(other).text)}') with a different target.", _line(org, kr))


def _unknown(org: Organisation):
    for link in of(org).broken_links:
        yield Hit(str(link.source), f"{link.kind} names nothing: {link.problem}.", _line(org, link.source))


def _cycle(org: Organisation):
    for ring in of(org).cycles:
        for ref in ring:
            if len(ring) == 1:
                message = "This objective aligns to itself (or to its own set): alignment must lead elsewhere."
            else:
                start = ring.index(ref)
                path = " → ".join(str(r) for r in ring[start:] + ring[:start + 1])
                message = f"Following aligns_to from here leads back here: {path}."
            yield Hit(str(ref), message, _line(org, ref))


def _unanswered(org: Organisation):
    for link in of(org).unanswered:
        helper = link.target.set_id
        named = f" ({link.target})" if link.target.objective is not None else ""
        yield Hit(str(link.source), f"This objective depends on '{helper}'{named}, but no objective of "
                                    f"'{helper}' supports it or aligns to it.", _line(org, link.source))


def _org(*sets: str) -> str:
    return "organisation: Example Co\ncycle: 2025-Q2\nsets:\n" + "".join(sets)


_COMPANY = """  - id: company
    level: company
    objectives:
      - title: Have our customers fall back in love with our offering
        key_results:
          - Increase customers who return twice a week from 10% to 40%
          - Increase customer referral rate from 25% to 50%
          - Increase customer satisfaction from 3 to 4.5
"""


def _team(set_id: str, title: str, links: str, *krs: str) -> str:
    body = "".join(f"          - {kr}\n" for kr in krs)
    link_lines = "".join(f"        {line}\n" for line in links.split("\n") if line)
    return (f"  - id: {set_id}\n    level: team\n    objectives:\n      - title: {title}\n"
            f"{link_lines}        key_results:\n{body}")


_ENGINEERING_KRS = ("Cut app start time from 4 s to 1 s", "Raise app store rating from 3.9 to 4.6",
                    "Increase weekly active users from 20,000 to 35,000")
_SALES_KRS = ("Increase referral rate of sales-led accounts from 25% to 60%", "Grow renewals from 70% to 85%",
              "Raise first month customer satisfaction from 3 to 4.5")

RULES = (
    Rule(
        code="OKR401", name="repeated-across-levels", severity="warning",
        fires_when="an objective or key result of one set is repeated (same text after normalising numbers' "
                   "formatting, case, spaces and punctuation) by a set at another level; reported on the lower "
                   "level's item. Turning a parent's key result into a child's objective is explicit alignment, "
                   "not repetition",
        why="The same OKR should not exist at more than one level: a team that copies the company's OKR "
            "adds nothing a person can act on. Align by contributing: take a company key result as your "
            "objective, or write what your team changes to move it.",
        source="guide: the same OKR should not exist at more than one level; deck: lateral alignment example",
        bad=_org(_COMPANY, _team("engineering", "Have our customers fall back in love with our offering",
                                 "aligns_to: company/O1", *_ENGINEERING_KRS)),
        good=_org(_COMPANY, _team("engineering", "Make our app a joy to come back to", "aligns_to: company/O1",
                                  *_ENGINEERING_KRS)),
        hint="Say what this level changes to move the parent's OKR, or take one parent key result as your objective.",
        check=_repeated, scope="organisation", example_format="yaml",
    ),
    Rule(
        code="OKR402", name="unaligned-objective", severity="warning",
        fires_when="an objective of a non-company set has no aligns_to, no depends_on and no supports of its own, "
                   "and no other objective aligns to it or supports it: a silo (an objective whose aligns_to is "
                   "unknown gets OKR404 instead)",
        why="An objective nobody else links to is a tunnel: the team digs on its own and nobody builds the "
            "bridge to it. OKRs make dependencies visible so teams can plan them together.",
        source="deck: avoid silos, tunnel and bridge problem",
        bad=_org(_COMPANY, _team("engineering", "Make our app a joy to come back to", "", *_ENGINEERING_KRS)),
        good=_org(_COMPANY, _team("engineering", "Make our app a joy to come back to", "aligns_to: company/O1/KR1",
                                  *_ENGINEERING_KRS)),
        hint="Link the objective: aligns_to the company objective or key result it moves, or say whom it "
             "depends on or supports.",
        check=_unaligned, scope="organisation", example_format="yaml",
    ),
    Rule(
        code="OKR403", name="conflicting-target", severity="warning",
        fires_when="a key result tracks the same metric as a key result of a set it is linked to (same text once "
                   "numbers are removed) but with a different target; reported on the key result of the set that "
                   "links to the other",
        why="Two linked teams that track one metric towards different targets will pull apart: in the "
            "course's lateral alignment example the company aims for a referral rate of 50% while sales "
            "writes 60%.",
        source="deck: lateral alignment example (referral rate 25%→50% vs 25%→60%)",
        bad=_org(_COMPANY, _team("sales", "Turn happy customers into our best sales channel", "aligns_to: company/O1",
                                 "Increase customer referral rate from 25% to 60%", *_SALES_KRS[1:])),
        good=_org(_COMPANY, _team("sales", "Turn happy customers into our best sales channel",
                                  "aligns_to: company/O1", *_SALES_KRS)),
        hint="Agree on one target for the shared metric with the linked set, or track a metric of your own.",
        check=_conflicting, scope="organisation", example_format="yaml",
    ),
    Rule(
        code="OKR404", name="unknown-reference", severity="error",
        fires_when="aligns_to, depends_on or supports names a set, objective or key result that does not exist",
        why="A link to nothing looks aligned on paper while nobody is actually connected; usually a set "
            "was renamed or an objective renumbered.",
        source="FORMATS.md, section 3",
        bad=_org(_COMPANY, _team("engineering", "Make our app a joy to come back to", "aligns_to: company/O3",
                                 *_ENGINEERING_KRS)),
        good=_org(_COMPANY, _team("engineering", "Make our app a joy to come back to", "aligns_to: company/O1",
                                  *_ENGINEERING_KRS)),
        hint="Write SET, SET/O<n> or SET/O<n>/KR<m> with a set id and numbers that exist (objectives and key "
             "results are numbered from 1, in order).",
        check=_unknown, scope="organisation", example_format="yaml",
    ),
    Rule(
        code="OKR405", name="alignment-cycle", severity="error",
        fires_when="following aligns_to links leads back to where it started; reported on every objective of the "
                   "cycle",
        why="Alignment runs towards the company's objectives. When two objectives align to each other, "
            "neither is anchored to anything the organisation set out to achieve.",
        source="deck: alignment architecture (top-down, bottom-up)",
        bad=_org(_COMPANY,
                 _team("engineering", "Make our app a joy to come back to", "aligns_to: sales/O1", *_ENGINEERING_KRS),
                 _team("sales", "Turn happy customers into our best sales channel", "aligns_to: engineering/O1",
                       *_SALES_KRS)),
        good=_org(_COMPANY,
                  _team("engineering", "Make our app a joy to come back to", "aligns_to: company/O1",
                        *_ENGINEERING_KRS),
                  _team("sales", "Turn happy customers into our best sales channel",
                        "aligns_to: company/O1\nsupports: [engineering/O1]", *_SALES_KRS)),
        hint="Point one of the objectives upwards, to the company objective or key result it serves; "
             "a link between peers is depends_on or supports.",
        check=_cycle, scope="organisation", example_format="yaml",
    ),
    Rule(
        code="OKR406", name="unanswered-dependency", severity="warning",
        fires_when="an objective depends_on a set, but no objective of that set supports it or aligns to it",
        why="Horizontal alignment asks which teams depend on you and how. A dependency the other team has "
            "not taken into its own OKRs is a risk nobody plans for.",
        source="deck: horizontal alignment questions",
        bad=_org(_COMPANY,
                 _team("sales", "Turn happy customers into our best sales channel",
                       "aligns_to: company/O1\ndepends_on: [engineering]", *_SALES_KRS),
                 _team("engineering", "Make our app a joy to come back to", "aligns_to: company/O1",
                       *_ENGINEERING_KRS)),
        good=_org(_COMPANY,
                  _team("sales", "Turn happy customers into our best sales channel",
                        "aligns_to: company/O1\ndepends_on: [engineering]", *_SALES_KRS),
                  _team("engineering", "Make our app a joy to come back to",
                        "aligns_to: company/O1\nsupports: [sales/O1]", *_ENGINEERING_KRS)),
        hint="Ask the set you depend on to add supports: [YOUR_SET/O<n>] to the objective that helps you, "
             "or remove the dependency.",
        check=_unanswered, scope="organisation", example_format="yaml",
    ),
)
