"""The kit's file formats, read and written: text drafts, YAML sets and organisations, cycles,
safe YAML, safe CSV, and loading whatever a user points the kit at (docs/formats.md).

Builds :mod:`okrkit.model` values from files. May import ``okrkit.text``, ``okrkit.model``,
``okrkit.errors``, ``okrkit.files`` and ``okrkit.bulk``; never the rules or anything above them.
"""
