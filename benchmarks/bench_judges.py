"""The gaming battery: how often the drafting exercises' judges pass genuine answers, and gamed ones.

The answers are tests/data/judges/battery.yaml (tests/test_exercise_battery.py holds each one to
its verdict). Targets (issue 11): at least 90% of the genuine answers pass, at most 5% of the
gamed ones.
"""
from __future__ import annotations

from pathlib import Path

BATTERY = Path(__file__).resolve().parents[1] / "tests" / "data" / "judges/battery.yaml"
GENUINE_TARGET, GAMED_TARGET = 0.90, 0.05


def load_battery() -> dict:
    import yaml

    return yaml.safe_load(BATTERY.read_text(encoding="utf-8"))


def answer(exercise_id: str, given: object) -> object:
    """The answer as a learner's cell would hold it: the retro blocks of 08-1 written into its quarter."""
    if exercise_id != "08-1":
        return given
    import json

    from okrkit.exercises import exercise

    text = exercise("08-1").starter
    blank = ("    retro:\n      execution:\n      decision: \"\"\n      value: \"\"\n      learning: \"\"\n"
             "      decided: \"\"\n")
    for retro in given["retros"]:
        block = "    retro:\n" + "".join(f"      {key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in retro.items())
        text = text.replace(blank, block, 1)
    return text


def cases() -> list[tuple[str, str, str, object]]:
    """(exercise, "genuine" or "gamed", a name, the answer) for every answer of the battery."""
    found = []
    for exercise_id, answers in load_battery().items():
        found += [(exercise_id, "genuine", f"genuine {i}", answer(exercise_id, given))
                  for i, given in enumerate(answers["genuine"], 1)]
        found += [(exercise_id, "gamed", kind, answer(exercise_id, given)) for kind, given in answers["gamed"].items()]
    return found


def measure() -> list[dict]:
    from okrkit.exercises import assess

    passed = {"genuine": [], "gamed": []}
    for exercise_id, kind, _, given in cases():
        passed[kind].append(assess(exercise_id, given).passed)
    genuine = sum(passed["genuine"]) / len(passed["genuine"])
    gamed = sum(passed["gamed"]) / len(passed["gamed"])
    return [
        {"name": f"genuine answers that pass ({len(passed['genuine'])} in the battery)", "value": round(100 * genuine, 1),
         "unit": "%", "target": f">= {GENUINE_TARGET:.0%}", "passed": genuine >= GENUINE_TARGET},
        {"name": f"gamed or wrong answers that pass ({len(passed['gamed'])} in the battery)",
         "value": round(100 * gamed, 1), "unit": "%", "target": f"<= {GAMED_TARGET:.0%}", "passed": gamed <= GAMED_TARGET},
    ]


if __name__ == "__main__":
    for row in measure():
        print(f"{row['name']:<60} {row['value']:>6g} {row['unit']:<2} {row['target']:<8} "
              f"{'ok' if row['passed'] else 'FAILED'}")
