"""Module 4 exercises: cascade a company key result into a team objective (explicit, top-down),
link a team's own objective to the company's (implicit, bottom-up), and tell what alignment
is from what it is not."""
from __future__ import annotations

from okrkit.alignment.graph import Link, Ref
from okrkit.exercises import content
from okrkit.exercises.judging import by_label, choice, restated_parent_point, same_text
from okrkit.exercises.organisations import Placed, Setting, shared_words
from okrkit.exercises.record import Exercise, Marked, Point

BATTERY = Setting("battery-cascade")  # the deck's top-down example, KR1 and KR3 already cascaded
OUTLETS = Setting("outlet-expansion")  # the deck's bottom-up example: sales and marketing link up
TOLERATED = frozenset({"OKR201"})  # the deck's examples show one or two key results
# What a battery team, and a team helping the outlets grow, can move, in their own words.
BATTERY_WORK = content.Domain("04-1", "battery cell cells pack prototype storage energy density capacity charge "
                                      "charging cycles range conduction conductivity materials raw sourcing supplier "
                                      "frame weight cost temperature safety lifetime durability power voltage test "
                                      "tests car vehicle model production yield")
OUTLET_WORK = content.Domain("04-2", "outlets stores retail new opening openings stock deliveries delivery logistics "
                                     "orders customers buyers support complaints revenue sales partners staff training "
                                     "shelf listings visits region market expansion days time satisfaction")

SET_STARTER = """
id: 
team: 
level: team
objectives:
  - title: 
    aligns_to: 
    key_results:
      - 
      - 
"""

# The deck's "Alignment is / is NOT", with what the guide and the deck add to it.
STATEMENTS = {
    "Telling other teams what they should do": "is not",
    "Making the strategic focus transparent to everyone": "is",
    "Channelling everyone's efforts in one direction": "is",
    "Collaborating across divisions and levels": "is",
    "Copying the company's OKR into every team's set": "is not",
    "Management writing every team's key results for it": "is not",
    "Linking a team's objective to the company key result it moves": "is",
}
_WHY = {
    "Telling other teams what they should do": "the deck's one thing alignment is NOT",
    "Making the strategic focus transparent to everyone": "everyone sees what the organisation focuses on",
    "Channelling everyone's efforts in one direction": "the teams pull the same way",
    "Collaborating across divisions and levels": "alignment runs across teams and up and down the levels",
    "Copying the company's OKR into every team's set": "the same OKR should not exist at more than one level",
    "Management writing every team's key results for it": "tell them the destination, let them find the way",
    "Linking a team's objective to the company key result it moves": "that is explicit, top-down alignment",
}
_IS = {"is", "yes", "true", "it is", "alignment", "is alignment"}
_IS_NOT = {"is not", "isn t", "isnt", "not", "no", "false", "it is not", "not alignment", "is not alignment"}


def _aligns_to(placed: Placed, ref: Ref) -> Link | None:
    return next((link for link in placed.graph.outgoing.get(ref, ()) if link.kind == "aligns_to"), None)


def _a(kind: str) -> str:
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def _link_point(link: Link | None, ref: Ref, wanted: str) -> Point:
    """Whether an objective's aligns_to names what this kind of alignment links to."""
    example = "company/O1/KR2" if wanted == "key result" else "company/O1"
    if link is None:
        return Point(False, f"{ref} has no aligns_to yet: name the company {wanted} it serves, such as {example}")
    if link.target is None:
        return Point(False, f"{ref}: aligns_to names nothing: {link.problem}")
    target = link.target
    if target.set_id == "company" and target.kind == wanted:
        how = "explicit, top-down" if wanted == "key result" else "implicit, bottom-up"
        return Point(True, f"{ref} aligns to {target}, the company's {wanted}: {how} alignment")
    if wanted == "key result":
        return Point(False, f"{ref} aligns to {target}, {_a(target.kind)}. Top-down, a team objective takes up one "
                            "key result of the company: company/O1/KR1, KR2 or KR3")
    return Point(False, f"{ref} aligns to {target}, {_a(target.kind)}. Bottom-up, a team sets its own objective "
                        "and links it to the company's objective: company/O1")


def _team_points(placed: Placed) -> list[Point]:
    problems = [Point(False, problem) for problem in placed.problems]
    if not placed.ids:
        return problems or [Point(False, "Write your team's set: an id, a level and its objective")]
    team = placed.sets[0]
    return [*problems,
            Point(len(placed.ids) == 1 and len(team.objectives) == 1,
                  "It is one team's set with one objective" if len(placed.ids) == 1
                  else f"Write one team's set (there are {len(placed.ids)}: {', '.join(placed.ids)})"),
            Point(team.level in ("department", "team"),
                  "It is a department's or a team's set" if team.level in ("department", "team")
                  else f"level: {team.level}. Write a department's or a team's set")]


def _judge_explicit(answer: str) -> Marked:
    placed = BATTERY.place(answer)
    points = _team_points(placed)
    if not placed.ids or not placed.objectives:
        return Marked(tuple(points))
    ref = placed.objectives[0]
    link = _aligns_to(placed, ref)
    points.append(_link_point(link, ref, "key result"))
    if link and link.target and link.target.kind == "key result":
        kr = placed.graph.key_result(link.target).text
        words = shared_words(placed.graph.objective(ref).title, kr)
        points.append(Point(bool(words), f"The objective takes up {link.target} (both speak of "
                                         f"{', '.join(sorted(words))})" if words else
                            f"The objective should say in words what {link.target} asks for: '{kr}'"))
    points.append(restated_parent_point(placed.graph, placed.ids))
    rules, found = placed.rule_points(TOLERATED)
    reading = content.read(BATTERY_WORK, *content.texts_of(placed.sets))
    return Marked(tuple(points + rules + reading.points), tuple(found), review=tuple(reading.review))


def _judge_implicit(answer: str) -> Marked:
    placed = OUTLETS.place(answer)
    points = _team_points(placed)
    if not placed.ids or not placed.objectives:
        return Marked(tuple(points))
    links = [_link_point(_aligns_to(placed, ref), ref, "objective") for ref in placed.objectives]
    points += links if len(links) == 1 else [Point(all(p.ok for p in links), "Every objective links to the "
                                                   "company's objective: " + "; ".join(p.text for p in links))]
    given = [o.title for s in OUTLETS.base().sets for o in s.objectives]
    copied = [title for ref in placed.objectives for title in given
              if same_text(placed.graph.objective(ref).title, title)]
    points.append(Point(not copied, "The objective is your team's own" if not copied else
                        f"'{copied[0]}' is already taken: bottom-up, each team sets its own objective"))
    rules, found = placed.rule_points(TOLERATED)
    reading = content.read(OUTLET_WORK, *content.texts_of(placed.sets))
    return Marked(tuple(points + rules + reading.points), tuple(found), review=tuple(reading.review))


def _judge_is_or_not(answer: dict) -> Marked:
    given = by_label(answer)
    points = []
    for statement, right in STATEMENTS.items():
        said = choice(given.get(choice(statement), ""))
        said = "is" if said in _IS else "is not" if said in _IS_NOT else None
        if said is None:
            points.append(Point(False, f"'{statement}': no answer yet (write \"is\" or \"is not\")"))
        elif said == right:
            points.append(Point(True, f"'{statement}': alignment {right}; {_WHY[statement]}"))
        else:
            points.append(Point(False, f"'{statement}': not \"{said}\""))
    return Marked(tuple(points))


EXERCISES = (
    Exercise(
        id="04-1", title="Cascade a battery key result (top-down)", module=4,
        task="Take one key result of the battery objective (the lesson cascaded KR1 and KR3; try KR2) "
             "and make it the objective of a department or team. Write that set in YAML: an id, the "
             "level, one objective with aligns_to naming the key result, and key results of its own.",
        answer_type=str, starter=SET_STARTER,
        hints=("Explicit alignment: the company's key result becomes your team's objective. Which team "
               "would build a battery prototype? Give it an id such as battery-lab.",
               "Write aligns_to: company/O1/KR2. The objective says what that key result asks for (a "
               "prototype that stores more), in its words or your team's; your key results say how you "
               "will show it, each from a start to a target.",
               "For example: title 'Build a battery prototype that stores far more energy', with key "
               "results such as 'Increase prototype cell storage from 250 to 350 Wh/kg' and "
               "'Raise charge cycles before 80% capacity from 800 to 1,200'."),
        judge=_judge_explicit,
    ),
    Exercise(
        id="04-2", title="Link your own objective to the company's (bottom-up)", module=4,
        task="The outlet-expansion company already has sales and marketing linked to its objective. "
             "Write the set of another team (support, logistics, expansion, ...) with its own objective, "
             "linked to the company's objective, and key results of its own.",
        answer_type=str, starter=SET_STARTER,
        hints=("Bottom-up (reverse cascading): the team starts from its own challenges and links its "
               "objective to the objective above it. Which team could help the outlets grow?",
               "Write aligns_to: company/O1 (the objective, not one of its key results) and an objective "
               "in your team's own words. Don't reuse the company's revenue numbers.",
               "For example, a logistics team: 'Stock every new outlet from its very first day', with "
               "key results on on-time deliveries to new outlets and days to stock a new outlet."),
        judge=_judge_implicit,
    ),
    Exercise(
        id="04-3", title="What alignment is, and what it is not", module=4,
        task="Label each statement \"is\" (alignment is this) or \"is not\".",
        answer_type=dict, starter={statement: "" for statement in STATEMENTS},
        hints=("The deck lists three things alignment is, and one thing it is NOT.",
               "Alignment is about seeing where the organisation goes and pulling the same way. It is not "
               "about one level doing the thinking for another.",
               "Copying an OKR down a level and writing other teams' key results for them are both ways "
               "of telling others what to do."),
        judge=_judge_is_or_not,
    ),
)
