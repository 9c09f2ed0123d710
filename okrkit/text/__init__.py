"""The words and numbers of OKR text: verbs, time frames, quantities, openings, outputs.

The lowest layer: plain functions on strings, used by the model (a key result's measure) and by
the rules. Imports only the standard library, lemminflect (lazily) and :mod:`okrkit.errors`.
"""
