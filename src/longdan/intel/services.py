"""Writes for security tips. Each one checks who may act, writes one TipEvent and one audit row."""

import json
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from longdan.audit.services import audit_change, audit_read, snapshot
from longdan.core.services import error, validate_and_save
from longdan.households.models import Household
from longdan.org.models import Unit, UnitKind
from longdan.rollup.services import rollup_bump

from .models import Credibility, Tip, TipEvent, TipStatus

# Who may take a step is defined once, in selectors: the pages' buttons read it, these services enforce it.
from .selectors import is_receiving_team, is_station_command


def _province_command_of(station: Unit) -> Unit:
    command = station.province_command()
    if command is None:
        raise error(_("The station is not under a provincial command."))
    return command


def _move(tip: Tip, *, to_status: str, acting_user: Any, note: str = "", **changes: Any) -> Tip:
    before = snapshot(tip)
    event = TipEvent(tip=tip, from_status=tip.status, to_status=to_status, actor=acting_user, note=note)
    tip.status = to_status
    for name, value in changes.items():
        setattr(tip, name, value)
    validate_and_save(tip)
    event.save()
    rollup_bump(
        station_id=tip.station_id,
        day=event.at,
        tips_verified=int(to_status == TipStatus.VERIFIED),
        tips_acted_on=int(to_status == TipStatus.ACTED_ON),
    )
    audit_change(actor=acting_user, obj=tip, before=before, after=snapshot(tip))
    return tip


@transaction.atomic
def tip_record(
    *,
    acting_user: Any,
    household: Household,
    category: str,
    content: str,
    credibility: str = Credibility.UNKNOWN,
    urgency: str = "routine",
    received_at: datetime | None = None,
    source_note: str = "",
) -> Tip:
    """Record a tip heard from a household. The household becomes the encrypted source, never a plain link."""
    if not Household.objects.visible_to(acting_user).filter(pk=household.pk).exists():
        raise PermissionDenied(_("You cannot record a tip for this household."))
    received_at = received_at or timezone.now()
    if received_at > timezone.now() + timedelta(minutes=10):
        raise error(_("A tip cannot be received in the future."), field="received_at")
    source = json.dumps(
        {"household_id": household.pk, "head_name": household.head_name, "note": source_note},
        ensure_ascii=False,
    )
    tip = Tip(
        station=household.station,
        province_command=_province_command_of(household.station),
        recorded_by=acting_user,
        received_at=received_at,
        category=category,
        content=content,
        credibility=credibility,
        urgency=urgency,
        source=source,
    )
    validate_and_save(tip)
    TipEvent.objects.create(tip=tip, from_status="", to_status=TipStatus.RECEIVED, actor=acting_user)
    rollup_bump(station_id=tip.station_id, day=tip.received_at, tips_received=1)
    # The audit row names the tip, not its content or source.
    audit_change(
        actor=acting_user, obj=tip, before=None, after={"status": tip.status, "category": tip.category}
    )
    return tip


def _locked(tip: Tip) -> Tip:
    return Tip.objects.select_for_update().get(pk=tip.pk)


def _require_status(tip: Tip, *allowed: str) -> None:
    if tip.status not in allowed:
        raise error(
            _("This step is not possible while the tip is “%(status)s”.")
            % {"status": tip.get_status_display()}
        )


@transaction.atomic
def tip_pass_to_team(*, tip: Tip, acting_user: Any, team: Unit, note: str = "") -> Tip:
    """The station command hands the tip to its reconnaissance team."""
    tip = _locked(tip)
    if not is_station_command(acting_user, tip):
        raise PermissionDenied(_("Only the station command can pass a tip to a team."))
    _require_status(tip, TipStatus.RECEIVED)
    if team.kind != UnitKind.TEAM or team.parent_id != tip.station_id:
        raise error(_("Choose a team of this station."), field="team")
    return _move(tip, to_status=TipStatus.PASSED, acting_user=acting_user, note=note, receiving_team=team)


@transaction.atomic
def tip_assess(*, tip: Tip, acting_user: Any, verified: bool, credibility: str, note: str = "") -> Tip:
    """The team (or the command) reports whether the tip was verified."""
    tip = _locked(tip)
    if not (is_station_command(acting_user, tip) or is_receiving_team(acting_user, tip)):
        raise PermissionDenied(_("Only the station command or the receiving team can assess a tip."))
    _require_status(tip, TipStatus.PASSED)
    to_status = TipStatus.VERIFIED if verified else TipStatus.NOT_VERIFIED
    return _move(tip, to_status=to_status, acting_user=acting_user, note=note, credibility=credibility)


@transaction.atomic
def tip_act(*, tip: Tip, acting_user: Any, outcome: str) -> Tip:
    """Record what was done with a verified tip."""
    tip = _locked(tip)
    if not (is_station_command(acting_user, tip) or is_receiving_team(acting_user, tip)):
        raise PermissionDenied(_("Only the station command or the receiving team can record the outcome."))
    _require_status(tip, TipStatus.VERIFIED)
    if not outcome.strip():
        raise error(_("Describe the outcome."), field="outcome")
    return _move(tip, to_status=TipStatus.ACTED_ON, acting_user=acting_user, outcome=outcome)


def tip_open(*, tip: Tip, acting_user: Any, reason: str) -> dict[str, Any]:
    """Open a tip's content and source: the reason is required and the read is written to the audit trail."""
    if not reason.strip():
        raise error(_("Give the reason for opening this tip."), field="reason")
    audit_read(actor=acting_user, obj=tip, reason=reason.strip())
    source: dict[str, Any] = json.loads(tip.source) if tip.source else {}
    return source
