"""``data/legal-bases.yaml``: the legal bases a document may be exempted from public access by.

The law changes, so the list is data: each basis has an id that cases and attachments name,
the reference as it is cited (``offl. § 13 jf. fvl. § 13``) and its meaning in nn, nb and en.
"""

from __future__ import annotations

from pydantic import Field

from hfctl.models.base import Id, Model, Str, Text


class LegalBasis(Model):
    """One ground for exemption: its id, the citation and what it covers."""

    id: Id
    cite: Str
    """The reference as printed, e.g. ``offl. § 13 jf. fvl. § 13``."""
    text: Text
    """What the basis covers, in the three languages."""
    withdrawn: bool = False
    """No longer to be used for new exemptions (kept so old ones still resolve)."""


class LegalBases(Model):
    """``data/legal-bases.yaml``: every legal basis for exemption, by id."""

    bases: list[LegalBasis] = Field(min_length=1)

    def get(self, basis: str) -> LegalBasis | None:
        """The basis with id ``basis``, if listed."""
        return next((b for b in self.bases if b.id == basis), None)
