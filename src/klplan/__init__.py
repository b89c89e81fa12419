"""klplan: holiday-aware meeting plans for collegial learning (kollegialt lärande)."""

__version__ = "0.1.0"
