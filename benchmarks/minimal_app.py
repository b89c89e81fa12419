"""The reference point: a minimal Typer app printing a 16-row Rich table."""

import typer

app = typer.Typer()


@app.command()
def main() -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Samtal om text")
    for column in ("Del", "A + B", "B", "C + D", "D"):
        table.add_column(column)
    for part in range(1, 17):
        table.add_row(str(part), f"v. {part}", "ons 1 okt 2025", f"v. {part + 1}", "ons 8 okt")
    Console().print(table)


if __name__ == "__main__":
    app()
