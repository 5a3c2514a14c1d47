"""Writes for hamlets (the official units are loaded by `longdan load_units`, never edited here)."""

from django.db import transaction
from django.utils.translation import gettext as _

from longdan.core.services import error, validate_and_save

from .models import AdminUnit, Hamlet, HamletKind, Level


@transaction.atomic
def hamlet_create(
    *, name: str, commune: AdminUnit, kind: str = HamletKind.AP, legacy_commune: AdminUnit | None = None
) -> Hamlet:
    """Create a hamlet under a current commune, remembering the former commune it belonged to."""
    if commune.level != Level.COMMUNE or not commune.is_current:
        raise error(_("A hamlet belongs to a commune in force today."), field="commune")
    if legacy_commune is not None and legacy_commune.is_current:
        raise error(_("The former commune must be a unit from before 2025-07-01."), field="legacy_commune")
    hamlet = Hamlet(name=name, kind=kind, commune=commune, legacy_commune=legacy_commune)
    validate_and_save(hamlet)
    return hamlet
