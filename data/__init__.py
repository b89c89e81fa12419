"""klplan's bundled data (YAML): module catalogue, cadences, school calendars.

Installed as the package ``klplan.data`` so an installed klplan finds it from any
working directory. Generators that build this data live in ``scripts/``.
"""
