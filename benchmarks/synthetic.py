"""Synthetic organisations for the alignment benchmark: a deterministic, realistic shape.

One company set, departments aligned to it, teams aligned to their department, some
horizontal dependencies between sibling teams (most answered), and a sprinkle of the
problems the alignment rules look for: silos, broken references, two-set cycles, copied
parent key results, whole copied OKRs and conflicting targets. Texts are varied so that nothing can be won by
caching a handful of strings.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import yaml

_AREAS = ("checkout", "onboarding", "search", "billing", "support", "delivery", "mobile app",
          "partner portal", "reporting", "pricing", "catalogue", "returns", "loyalty programme",
          "data platform", "hiring", "security", "release process", "documentation")
_QUALITIES = ("effortless", "the fastest in our market", "trusted", "delightful", "reliable",
              "simple", "self-service", "best in class", "predictable", "welcoming")
_VERBS = ("Make", "Turn", "Get", "Keep making", "Build towards", "Prove")
_SEGMENTS = ("small businesses", "first-time buyers", "enterprise customers", "our partners",
             "new markets", "returning customers", "every region", "mobile users")
_PLACES = ("Lisbon", "Lyon", "Leeds", "Porto", "Gdansk", "Turin", "Ghent", "Bergen", "Graz", "Cork",
           "Utrecht", "Malmo", "Brno", "Aarhus", "Basel", "Bilbao", "Tampere", "Split", "Varna", "Kaunas")
_SITES = ("North", "South", "East", "West", "Centre", "Harbour", "Airport", "Old Town", "Riverside", "Park",
          "Station", "Campus", "Hills", "Docks", "Market", "Bridge", "Gate", "Square", "Mills", "Fields")
_PRODUCTS = ("Basic", "Plus", "Pro", "Teams", "Enterprise", "Starter", "Cloud", "On-prem", "Mobile",
             "Marketplace", "Payments", "Insights")
_METRICS = (("Increase", "conversion rate", "%"), ("Reduce", "churn rate", "%"),
            ("Raise", "customer satisfaction score", ""), ("Cut", "median response time", " hours"),
            ("Grow", "monthly active accounts", ""), ("Increase", "repeat purchase rate", "%"),
            ("Reduce", "monthly complaints", ""), ("Grow", "revenue", " Mil USD"),
            ("Raise", "NPS", ""), ("Cut", "page load time", " s"), ("Increase", "activation rate", "%"),
            ("Reduce", "defect escape rate", "%"), ("Grow", "qualified leads", ""),
            ("Increase", "first-contact resolution", "%"), ("Cut", "onboarding time", " days"))


def _key_result(rng: random.Random, scope: str) -> str:
    verb, metric, unit = rng.choice(_METRICS)
    low, high = sorted(rng.sample(range(2, 400), 2))
    start, end = (low, high) if verb in ("Increase", "Raise", "Grow") else (high, low)
    return f"{verb} {metric} of {scope} from {start}{unit} to {end}{unit}"


def _objective(rng: random.Random) -> tuple[str, str]:
    """A title, and the scope its key results measure ("checkout for Pro users in Lyon")."""
    area, segment, product = rng.choice(_AREAS), rng.choice(_SEGMENTS), rng.choice(_PRODUCTS)
    place = f"{rng.choice(_PLACES)} {rng.choice(_SITES)}"  # teams rarely share one metric sentence
    title = f"{rng.choice(_VERBS)} {area} {rng.choice(_QUALITIES)} for {segment} of {product} in {place}"
    return title, f"{area} for {product} in {place}"


def organisation_data(n_sets: int = 5000, objectives: int = 3, key_results: int = 4,
                      seed: int = 7) -> dict:
    """An organisation document (FORMATS.md section 3) with ``n_sets`` sets."""
    rng = random.Random(seed)
    copies = random.Random(seed + 1)  # its own stream: adding it left every other choice as it was
    n_departments = max(1, min(n_sets - 1, round(n_sets ** 0.5)))
    levels = ["company"] + ["department"] * n_departments + ["team"] * (n_sets - 1 - n_departments)
    ids = ["company"] + [f"dept-{i}" for i in range(n_departments)] + \
          [f"team-{i}" for i in range(n_sets - 1 - n_departments)]
    parents = [None] + ["company"] * n_departments + \
              [f"dept-{rng.randrange(n_departments)}" for _ in range(n_sets - 1 - n_departments)]
    texts: dict[str, list[list[str]]] = {}
    sets = []
    for set_id, level, parent in zip(ids, levels, parents):
        objectives_out, set_texts = [], []
        for _ in range(objectives):
            title, scope = _objective(rng)
            krs = [_key_result(rng, scope) for _ in range(key_results)]
            objective: dict = {"title": title, "key_results": krs}
            if parent is not None:
                p_obj = rng.randrange(objectives) + 1
                roll = rng.random()
                if roll < 0.005:
                    objective["aligns_to"] = f"{parent}/O{objectives + 1}"  # a broken reference
                elif roll < 0.015:
                    pass  # a silo, unless a sibling links to it
                elif roll < 0.5:
                    objective["aligns_to"] = f"{parent}/O{p_obj}"
                else:
                    objective["aligns_to"] = f"{parent}/O{p_obj}/KR{rng.randrange(key_results) + 1}"
                if copies.random() < 0.005:  # the parent's whole OKR copied
                    parent_set = next(s for s in sets if s["id"] == parent)["objectives"][p_obj - 1]
                    title, krs = parent_set["title"], list(texts[parent][p_obj - 1])
                    objective.update(title=title, key_results=krs)
                if rng.random() < 0.01:  # a copied parent key result
                    krs[0] = texts[parent][p_obj - 1][rng.randrange(key_results)]
                if rng.random() < 0.01:  # the parent's metric with a target short of the parent's
                    copied = texts[parent][p_obj - 1][0]
                    start, unit, end = re.search(r"from (\d+)(\D*) to (\d+)", copied).groups()
                    short = round(int(start) + (int(end) - int(start)) * rng.randrange(500, 900) / 1000)
                    krs[1] = copied.rsplit(" to ", 1)[0] + f" to {short}{unit}"
            objectives_out.append(objective)
            set_texts.append(krs)
        texts[set_id] = set_texts
        sets.append({"id": set_id, "team": set_id.replace("-", " ").title(), "level": level,
                     "objectives": objectives_out})
    _link_siblings(rng, sets, parents, objectives)
    _add_cycles(sets, n_departments)
    return {"organisation": f"Synthetic {n_sets}", "cycle": "2025-Q3", "sets": sets}


def _link_siblings(rng: random.Random, sets: list[dict], parents: list, objectives: int) -> None:
    """Teams under one department depend on each other; most dependencies are answered."""
    siblings: dict[str, list[int]] = {}
    for index, parent in enumerate(parents):
        if parent and parent != "company":
            siblings.setdefault(parent, []).append(index)
    for members in siblings.values():
        for index in members:
            if len(members) < 2 or rng.random() > 0.3:
                continue
            other = rng.choice([m for m in members if m != index])
            o = rng.randrange(objectives)
            sets[index]["objectives"][o]["depends_on"] = [sets[other]["id"]]
            if rng.random() < 0.8:
                helper = sets[other]["objectives"][rng.randrange(objectives)]
                helper.setdefault("supports", []).append(f"{sets[index]['id']}/O{o + 1}")


def _add_cycles(sets: list[dict], n_departments: int) -> None:
    """A few pairs of departments that align to each other."""
    for first in range(1, n_departments - 1, 20):
        a, b = sets[first], sets[first + 1]
        a["objectives"][0]["aligns_to"] = f"{b['id']}/O1"
        b["objectives"][0]["aligns_to"] = f"{a['id']}/O1"


def write_yaml(path: str | Path, data: dict) -> Path:
    """The organisation as one YAML file (lists of key results in flow style, to stay small)."""
    path = Path(path)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    path.write_text(yaml.dump(data, Dumper=dumper, sort_keys=False, width=4096, allow_unicode=True,
                              default_flow_style=None),
                    encoding="utf-8")
    return path


def write_directory(path: str | Path, data: dict) -> Path:
    """The organisation as a directory of YAML set files, each inheriting nothing."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for okr_set in data["sets"]:
        document = {**okr_set, "cycle": data["cycle"]}
        (path / f"{okr_set['id']}.yaml").write_text(
            yaml.dump(document, Dumper=dumper, sort_keys=False, width=4096, allow_unicode=True), encoding="utf-8")
    return path
