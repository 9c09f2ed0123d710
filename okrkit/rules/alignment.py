"""Rules about an organisation: how its sets hang together (OKR401-OKR406).

The problems are found by :mod:`okrkit.alignment.graph`, once per organisation; each rule here
only words them. ``where`` starts with the set id ("sales/O1/KR2").
"""
from __future__ import annotations

from okrkit.alignment.graph import Ref, of
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
        yield Hit(str(item), f"This OKR copies {original} (the {level} level) whole: the objective and every "
                             "key result. Keep the shared objective if you like, but say with key results of "
                             "your own what this team changes.", _line(org, item))


def _unaligned(org: Organisation):
    graph = of(org)
    for ref in graph.silos:
        yield Hit(str(ref), "This objective is a silo: it aligns to nothing, depends on no one, supports no one, "
                            "and no other objective aligns to it or supports it.", _line(org, ref))


def _conflicting(org: Organisation):
    graph = of(org)
    for kr, other in graph.conflicts:
        if graph.rank(kr) > graph.rank(other):
            problem = "but aims short of its target: meeting this one would not deliver it"
        else:
            problem = "with a different target: the two teams would pull apart"
        yield Hit(str(kr), f"This key result tracks the same metric as {other} "
                           f"('{_short(graph.key_result(other).text)}') {problem}.", _line(org, kr))


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
_COMPANY_KRS = ("Increase customers who return twice a week from 10% to 40%",
                "Increase customer referral rate from 25% to 50%", "Increase customer satisfaction from 3 to 4.5")
_SHARED_TITLE = "Have our customers fall back in love with our offering"

RULES = (
    Rule(
        code="OKR401", name="repeated-across-levels", severity="warning",
        fires_when="a lower-level objective repeats a higher-level objective (same text after normalising "
                   "numbers' formatting, case, spaces and punctuation) and every one of its key results repeats "
                   "one of that objective's: the whole OKR is copied. Sharing the objective with key results of "
                   "the team's own (some kept, some dropped, some new) is lateral alignment and does not fire; "
                   "nor does one repeated key result under an objective of the team's own",
        why="The same OKR should not exist at more than one level: a team that copies the company's whole "
            "OKR adds nothing a person can act on. The deck's lateral alignment example shows the right way: "
            "engineering and sales share the company's objective, strike out the key results they cannot "
            "move and add their own.",
        source="guide: the same OKR should not exist at more than one level; deck: lateral alignment example",
        bad=_org(_COMPANY, _team("engineering", _SHARED_TITLE, "aligns_to: company/O1", *_COMPANY_KRS)),
        good=_org(_COMPANY, _team("engineering", _SHARED_TITLE, "aligns_to: company/O1", _COMPANY_KRS[0],
                                  "Increase first month customer satisfaction from 3 to 4.5",
                                  "Cut app start time from 4 s to 1 s")),
        hint="Keep the shared objective if it is yours too, but replace the key results this team cannot move "
             "with ones it can: what does this team change to deliver the parent's OKR?",
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
                   "numbers are removed) and the targets cannot both hold: up the levels, the lower key result "
                   "aims short of the higher one (meeting it would not deliver the parent); between sets of the "
                   "same level, any different target. Aiming further than the parent is the team's own stretch",
        why="A team that shares a metric with the level above must at least deliver the parent's target; "
            "aiming further is its own stretch (the deck's sales team takes the referral rate to 60% where "
            "the company asks 50%). Two peers that track one metric towards different targets pull apart.",
        source="deck: lateral alignment example (referral rate 25%→50%, sales 25%→60%); horizontal alignment",
        bad=_org(_COMPANY, _team("sales", "Turn happy customers into our best sales channel", "aligns_to: company/O1",
                                 "Increase customer referral rate from 25% to 35%", *_SALES_KRS[1:])),
        good=_org(_COMPANY, _team("sales", "Turn happy customers into our best sales channel",
                                  "aligns_to: company/O1", "Increase customer referral rate from 25% to 60%",
                                  *_SALES_KRS[1:])),
        hint="Aim at least as far as the linked key result above you, agree on one target with a peer, or "
             "track a metric of your own.",
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
