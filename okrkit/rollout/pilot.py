"""Choosing an OKR pilot group: the deck's three options, big bang, and a recommendation.

The deck offers three ways to start (an executive pilot, one department, or a cross-functional
strategic initiative) and the alternative of rolling out to everyone at once. Which one fits
depends on the organisation, so :func:`recommend` weighs a few facts against each option's
pros and cons and says why, instead of handing out one answer for everybody.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RolloutOption:
    key: str
    name: str
    who: str
    pros: tuple[str, ...]
    cons: tuple[str, ...]


OPTIONS: tuple[RolloutOption, ...] = (
    RolloutOption(
        "executive", "Executive level", "senior management at the executive level",
        pros=("key stakeholders from every department take part from the start",
              "after a few cycles the leaders have a cadence they can carry to the rest of the company"),
        cons=("teams may not have enough information to report on progress, because the people doing "
              "the work are not involved",)),
    RolloutOption(
        "department", "Department level", "one department (often product or engineering), all its levels",
        pros=("it simulates a company-wide roll-out realistically: every level of contributor takes part",
              "reporting is accurate because the people doing the work set and track the OKRs"),
        cons=("it can reinforce silos: one department alone does little cross-functional work",
              "OKRs should follow strategic priorities and draw contributors from every department "
              "that supports a goal")),
    RolloutOption(
        "strategic-initiative", "Strategic initiative",
        "a cross-functional initiative or squad (a product launch, a campaign) serving the annual OKRs",
        pros=("it spans several departments, so OKRs are practised across functions from the start",
              "OKRs are a good way to follow progress towards one big goal"),
        cons=("with a huge stakeholder group it is hard to enable everyone on OKRs at the same time",
              "training new OKR users across functions is harder")),
)

BIG_BANG = RolloutOption(
    "big-bang", "Big bang roll-out", "the whole organisation at once",
    pros=("teamwork: everyone is in it together and on the same page",
          "aligned communication across the entire organisation",
          "the fastest roll-out to the whole company"),
    cons=("potentially hard in larger organisations, with more layers to work through",
          "OKRs are not easy and many people do not get them right the first time",
          "confidence in the process can suffer if the first implementation meets obstacles"))

HIGHEST_IMPACT_QUESTIONS = (
    "Who has the greatest capacity to affect the forward momentum?",
    "Who is an influencer in the organisation?",
    "Who is self-driven?",
    "Who has an outside impact on our outcome or behaviour?",
)

INITIATIVE_ROLES = ("VP", "Department Head", "Product Manager", "Product Owner", "Team Lead", "Team")

# Our reading of "smaller organisations" and "a huge stakeholder group": the deck gives no number.
SMALL_ORGANISATION = 50
FEW_LEVELS = 2
HUGE_INITIATIVE = 60


@dataclass(frozen=True)
class OrganisationFacts:
    """What a coach asks before choosing a pilot group."""

    people: int
    levels: int = 3  # layers from the company down to teams
    cross_functional_initiative: bool = False  # a launch or campaign spanning departments
    executive_sponsorship: bool = True
    silo_risk: bool = False  # departments already work past each other
    initiative_people: int | None = None  # size of the initiative's stakeholder group


@dataclass(frozen=True)
class Recommendation:
    option: RolloutOption
    reasons: tuple[str, ...]  # why this option fits these facts
    cautions: tuple[str, ...]  # what to watch for with it
    ranking: tuple[tuple[str, int], ...]  # every option's key and points, best first

    def __str__(self) -> str:
        lines = [f"Recommended pilot: {self.option.name} ({self.option.who})", "Why:"]
        lines += [f"  - {reason}" for reason in self.reasons]
        lines += ["Watch for:", *(f"  - {caution}" for caution in self.cautions)] if self.cautions else []
        lines.append("Ranking: " + ", ".join(f"{key} {points:+d}" for key, points in self.ranking))
        if self.option.key == "strategic-initiative":
            lines.append("Roles the pilot needs: " + ", ".join(INITIATIVE_ROLES))
        return "\n".join(lines)


def options_frame():
    """The deck's three pilot options and big bang side by side, one row each."""
    import pandas as pd

    return pd.DataFrame([{"option": o.name, "who": o.who, "pros": "; ".join(o.pros), "cons": "; ".join(o.cons)}
                         for o in (*OPTIONS, BIG_BANG)]).set_index("option")


def option(key: str) -> RolloutOption:
    for candidate in (*OPTIONS, BIG_BANG):
        if candidate.key == key:
            return candidate
    raise KeyError(f"no pilot option {key!r}; known: {', '.join(o.key for o in (*OPTIONS, BIG_BANG))}")


def _weigh(facts: OrganisationFacts) -> dict[str, tuple[int, list[str], list[str]]]:
    """Points, reasons and cautions per option; each line cites the deck's pro or con it rests on."""
    small = facts.people <= SMALL_ORGANISATION and facts.levels <= FEW_LEVELS
    huge = (facts.initiative_people or 0) > HUGE_INITIATIVE
    weights: dict[str, tuple[int, list[str], list[str]]] = {o.key: (0, [], []) for o in (*OPTIONS, BIG_BANG)}

    def add(key: str, points: int, reason: str | None = None, caution: str | None = None) -> None:
        total, reasons, cautions = weights[key]
        weights[key] = (total + points, reasons + [reason] * bool(reason), cautions + [caution] * bool(caution))

    if small:
        add("big-bang", 3, f"with {facts.people} people and {facts.levels} level(s) there are few layers to "
                           "work through, which is where a big bang works best",
            "many people do not get OKRs right the first time: coach every team through the first cycle")
    else:
        add("big-bang", -3, caution="a big bang is hard in a larger organisation and a first stumble costs "
                                    "confidence in the whole process")
    if facts.cross_functional_initiative:
        add("strategic-initiative", 3, "a cross-functional initiative is available, so the pilot practises "
                                       "OKRs across departments from the first cycle")
        if huge:
            add("strategic-initiative", -1, caution=f"the initiative involves {facts.initiative_people} people: "
                                                    "enabling all of them at once is hard; start with its core roles")
        add("strategic-initiative", 0, caution="plan training for new OKR users from several functions")
    else:
        add("strategic-initiative", -4, caution="no cross-functional initiative to pilot on")
    if facts.executive_sponsorship:
        add("executive", 2, "executives back the roll-out, so stakeholders from every department can "
                            "set the cadence the rest of the company will follow")
        add("executive", 0, caution="involve key contributors early, or teams lack the information to "
                                    "report progress")
        add("big-bang", 1 if small else 0)
    else:
        add("executive", -4, caution="without executive sponsorship an executive pilot cannot start")
        add("big-bang", -2, caution="without executive sponsorship a company-wide launch lacks a voice")
        add("strategic-initiative", 0, caution="win an executive sponsor during the pilot: the rest of the "
                                               "roll-out needs one")
    if facts.silo_risk:
        add("department", -3, caution="one department alone would reinforce the silos you already see")
        if facts.cross_functional_initiative:
            add("strategic-initiative", 1, "OKRs drawn from several departments work against the silos you see")
    else:
        add("department", 2, "with little silo risk, one department piloting at every level simulates a "
                             "company-wide roll-out realistically and reports accurately")
        add("department", 0, caution="draw contributors from other departments where a goal needs them")
    return weights


_PREFERENCE = ("strategic-initiative", "department", "executive", "big-bang")  # the deck's favourite first


def recommend(facts: OrganisationFacts) -> Recommendation:
    """The pilot option that fits an organisation best, why, and what to watch for."""
    if facts.people < 1 or facts.levels < 1:
        raise ValueError("an organisation has at least one person and one level")
    weights = _weigh(facts)
    ranking = sorted(weights, key=lambda key: (-weights[key][0], _PREFERENCE.index(key)))
    best = ranking[0]
    points, reasons, cautions = weights[best]
    if not reasons:
        reasons = [f"no option fits these facts well; the {option(best).name.lower()} pilot has the fewest "
                   "drawbacks here, so start it small and close to one strategic goal"]
    return Recommendation(option(best), tuple(reasons), tuple(cautions),
                          tuple((key, weights[key][0]) for key in ranking))
