"""Bringing OKRs into an organisation: choosing a pilot group, the implementation plan, a pilot
group's spreadsheet drafts and their readiness report, and the commands ``okrkit onboard``,
``okrkit plan`` and ``okrkit pilot`` (``commands``).

May import the formats, the rules, ``okrkit.alignment`` and ``okrkit.pages``.
"""
