"""Writes for members."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from longdan.accounts.models import User
from longdan.audit.services import audit_change, snapshot
from longdan.core.services import error, validate_and_save
from longdan.org.models import Unit

from .models import Language, Member, MemberStatus


@transaction.atomic
def member_create(
    *,
    full_name: str,
    rank: str,
    unit: Unit,
    position: str = "",
    party_entry_date: date | None = None,
    birth_date: date | None = None,
    languages: list[str] | None = None,
    phone: str = "",
    user: User | None = None,
    acting_user: Any = None,
) -> Member:
    """Register a party member of a unit."""
    languages = list(languages or [])
    unknown = set(languages) - set(Language.values)
    if unknown:
        raise error(_("Unknown language code."), field="languages")
    if birth_date and party_entry_date and party_entry_date <= birth_date:
        raise error(_("The party entry date must come after the birth date."), field="party_entry_date")
    member = Member(
        full_name=full_name,
        rank=rank,
        unit=unit,
        position=position,
        party_entry_date=party_entry_date,
        birth_date=birth_date,
        languages=languages,
        phone=phone,
        user=user,
        status=MemberStatus.ACTIVE,
    )
    validate_and_save(member)
    audit_change(actor=acting_user, obj=member, before=None, after=snapshot(member))
    return member
