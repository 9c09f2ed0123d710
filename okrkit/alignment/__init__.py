"""An organisation's alignment: the graph of its links (:mod:`~okrkit.alignment.graph`), the
coach's tables (:mod:`~okrkit.alignment.analysis`), the map (``map``, drawn from the pure
geometry of ``layout`` and ``routes``, with its ``key``) and ``okrkit align`` (``commands``).

The graph sits beside the rules (OKR401-OKR406 word what it finds) and imports only the model,
``okrkit.text`` and ``okrkit.bulk``; the analyses, the map and the command may import anything
below them (formats, rules, pages), and nothing imports them but commands, widgets and pages.
"""
