"""What a message catalogue is, and how the owners' catalogues make one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

Lang = Literal["sv", "en"]
LANGS: tuple[Lang, ...] = ("sv", "en")
# key: {sv, en}
Catalogue = dict[str, dict[Lang, str]]


def merge(owners: Mapping[str, Catalogue]) -> Catalogue:
    """One catalogue from each owner's (owner's name: its catalogue). A key that two
    owners define is refused: which text wins would depend on the order."""
    merged: Catalogue = {}
    owner_of: dict[str, str] = {}
    for owner, catalogue in owners.items():
        for key, entry in catalogue.items():
            if key in owner_of:
                raise ValueError(f"message {key!r} is defined in {owner_of[key]} and in {owner}")
            merged[key] = entry
            owner_of[key] = owner
    return merged
