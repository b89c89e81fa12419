"""``klplan modules``: the module catalogue."""

from typing import Annotated

import typer

from klplan.cli.options import Format, FormatOption, ModulesFile


def modules(
    school_form: Annotated[str | None, typer.Option("--school-form", "-s")] = None,
    search: Annotated[str | None, typer.Option("--search", "-q", metavar="TEXT")] = None,
    modules_file: ModulesFile = None,
    format: FormatOption = Format.table,
) -> None:
    from klplan.core.parse import fold
    from klplan.loaders.catalog import load_catalog

    catalog = load_catalog(modules_file)
    found = [
        m
        for m in catalog.modules.values()
        if (school_form is None or fold(school_form) in {fold(f) for f in m.school_forms})
        and (search is None or fold(search) in fold(" ".join((m.id, m.title, m.area))))
    ]
    if format is Format.json:
        import json

        from klplan.cli.output import emit

        doc = [
            {
                "id": m.id,
                "title": m.title,
                "area": m.area,
                "school_forms": list(m.school_forms),
                "parts": m.parts,
                "hours": m.hours,
                "verified": m.verified,
                "source": m.source,
                "origin": catalog.origin[m.id],
            }
            for m in found
        ]
        emit(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", None)
        return
    from klplan.cli.console import console
    from klplan.render.modules_table import modules_table

    out = console()
    out.print(modules_table(found, out.width))
