"""Speed targets, measured: ``python -m benchmarks`` (or ``make bench``) runs them all.

Each ``benchmarks/bench_<topic>.py`` exposes ``measure() -> list[dict]``; each dict is one
figure::

    {"name": "check one keystroke, p99", "value": 4.2, "unit": "ms", "target": "< 10 ms", "passed": True}

A figure that only gives context has target "-" and passed True. The runner
(``benchmarks/__main__.py``) finds the modules itself, runs each in a fresh process (so one
cannot slow, warm up or crash another), prints one table with the machine it ran on, and
saves the results as JSON under ``benchmarks/results/`` to compare over time.
"""
