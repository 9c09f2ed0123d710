"""Memory per learner on the class hub: a few learners' servers and kernels on the real hub.

Each learner's kernel holds what a lesson loads (the kit, its widgets, pandas, matplotlib).
The figures size a server (docs/deploy.md): learners per server = (RAM - hub - reserve) /
memory per learner. tests/test_hub_class.py measures the same with 20 learners.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks import class_hub

LEARNERS = 6
SERVER_GB, RESERVE_GB = 16, 2  # the server size docs/deploy.md sizes, and what its system keeps


def measure() -> list[dict]:
    with tempfile.TemporaryDirectory() as folder, class_hub.running_hub(Path(folder)) as hub:
        learners = class_hub.run_class(hub, [f"bench-{n}" for n in range(LEARNERS)], parallel=2)
        figures = class_hub.memory(hub)
    ok = all(learner.passed and learner.saved for learner in learners)
    per_learner, hub_mb = figures["per_learner_mb"], figures["hub_and_proxy_mb"]
    fits = int((SERVER_GB * 1024 - RESERVE_GB * 1024 - hub_mb) // per_learner) if per_learner else 0
    return [
        {"name": f"hub: memory per learner (server + kernel, PSS; {LEARNERS} learners)", "value": per_learner,
         "unit": "MB", "target": "-", "passed": ok},
        {"name": "hub: the largest learner", "value": figures["largest_learner_mb"], "unit": "MB", "target": "-",
         "passed": ok},
        {"name": "hub: hub, proxy and idle culler", "value": hub_mb, "unit": "MB", "target": "-", "passed": ok},
        {"name": f"hub: in all, {LEARNERS} learners", "value": figures["total_mb"], "unit": "MB", "target": "-",
         "passed": ok},
        {"name": f"hub: learners a {SERVER_GB} GB server holds ({RESERVE_GB} GB kept for the system)",
         "value": float(fits), "unit": "learners", "target": "-", "passed": ok},
    ]


if __name__ == "__main__":
    for row in measure():
        print(f"{row['name']:<70} {row['value']:>9g} {row['unit']}")
