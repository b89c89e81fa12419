"""The base of the pydantic models that describe users' files (plans): frozen, and a
key the model does not know is an error. Imported only where such a file is read."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
