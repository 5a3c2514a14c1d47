"""Everything held about one household, as one file: a ZIP holding household.json (and a README).

JSON inside a ZIP because it is complete (every record, nested as it hangs together), plain text a
household's representative or an inspector can read, and compressed for a station's poor link.

What goes in: the household, its residents, poverty assessments, members in charge (past and now),
visits, petitions raised by the household and their events, support received, consents and
data-subject requests. Tips heard from the household only when the exporting user holds the tip right,
and never their source. Nothing of another household: petitions are those whose `household` is this
one (a petition raised at a hamlet's cell meeting has no household and is not included), benefits
those given to this household, visits those made to it.

Every export writes an audit row (action "export") naming the household and what was counted.
"""

import io
import json
import zipfile
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db import models, transaction
from django.utils import timezone

from longdan.assignments.models import HouseholdAssignment
from longdan.audit.models import AuditAction, SystemReason
from longdan.audit.services import audit_read, audit_record
from longdan.cases.models import Case
from longdan.fieldwork.models import Visit
from longdan.households.models import Household
from longdan.intel.models import Tip
from longdan.intel.selectors import has_tip_role
from longdan.support.models import Benefit

from .models import Consent, DataSubjectRequest

FORMAT = "longdan.household-export/1"
# Internal keys and search helpers, not data about the person.
_SKIP = {"name_folded", "name_sort", "client_uuid", "source", "anonymised_at"}


def _value(value: Any) -> Any:
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
    if isinstance(value, (date, UUID, Decimal)):
        return str(value) if not isinstance(value, date) else value.isoformat()
    return value


def _row(obj: models.Model, *, skip: set[str] | None = None) -> dict[str, Any]:
    """The record's own fields; choices with their label, links to people and places by name."""
    skip = _SKIP | (skip or set())
    row: dict[str, Any] = {"id": obj.pk}
    for field in obj._meta.concrete_fields:
        if field.name in skip or field.primary_key:
            continue
        if field.is_relation:
            # Households are reached only from the export's own household; other links by their name.
            related_id = getattr(obj, field.attname)
            if field.related_model is Household:
                continue
            row[field.name] = str(getattr(obj, field.name)) if related_id is not None else None
            continue
        value = field.value_from_object(obj)
        row[field.name] = _value(value)
        if field.choices and value:
            row[f"{field.name}_label"] = str(getattr(obj, f"get_{field.name}_display")())
    return row


def _tips_of(user: Any, household: Household) -> list[Tip]:
    """Tips heard from the household that `user` may see: matched on the encrypted source, which stays out."""
    found = []
    tips = Tip.objects.visible_to(user).filter(station_id=household.station_id).order_by("received_at", "id")
    for tip in tips.iterator(chunk_size=500):
        try:
            source = json.loads(tip.source) if tip.source else {}
        except ValueError:
            source = {}
        if source.get("household_id") == household.pk:
            found.append(tip)
    return found


def household_export_data(*, user: Any, household: Household) -> dict[str, Any]:
    """The export's content as a dict (the caller has checked that `user` may export this household)."""
    visits = (
        Visit.objects.filter(household=household)
        .prefetch_related("members", "topics")
        .order_by("visited_at", "id")
    )
    cases = Case.objects.filter(household=household).prefetch_related("events").order_by("received_on", "id")
    data: dict[str, Any] = {
        "format": FORMAT,
        "exported_at": _value(timezone.now()),
        "exported_by": user.get_username(),
        "household": _row(household),
        "residents": [_row(r) for r in household.residents.order_by("id")],
        "poverty_assessments": [_row(a) for a in household.assessments.order_by("assessed_on", "id")],
        "assignments": [
            _row(a)
            for a in HouseholdAssignment.objects.filter(household=household)
            .select_related("member")
            .order_by("start_date", "id")
        ],
        "visits": [
            _row(v)
            | {"members": [str(m) for m in v.members.all()], "topics": [str(t) for t in v.topics.all()]}
            for v in visits
        ],
        "petitions": [
            _row(c, skip={"hamlet", "source_meeting_issue"})
            | {"events": [_row(e, skip={"case"}) for e in c.events.all()]}
            for c in cases
        ],
        "benefits": [
            _row(b)
            for b in Benefit.objects.filter(household=household)
            .select_related("program", "resident", "event")
            .order_by("given_on", "id")
        ],
        "consents": [_row(c) for c in Consent.objects.filter(household=household).order_by("given_on", "id")],
        "requests": [
            _row(r)
            for r in DataSubjectRequest.objects.filter(household=household).order_by("received_on", "id")
        ],
    }
    data["household"]["station"] = str(household.station)
    if has_tip_role(user):
        tips = _tips_of(user, household)
        data["tips"] = [_row(t, skip={"recorded_by"}) for t in tips]
        for tip in tips:
            audit_read(actor=user, obj=tip, reason=SystemReason.HOUSEHOLD_EXPORT)
    return data


README = """Lòng Dân — household export ({format})

household.json holds every record kept about household {code}: the household, residents,
poverty assessments, members in charge, visits, petitions with their events, support received,
consents and data-subject requests. Dates are ISO 8601 in Vietnam's time (UTC+07:00).
"""


@transaction.atomic
def household_export(*, user: Any, household: Household) -> bytes:
    """The ZIP file, and its audit row (written in the same transaction)."""
    data = household_export_data(user=user, household=household)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "household.json", json.dumps(data, ensure_ascii=False, indent=2, default=str).encode("utf-8")
        )
        archive.writestr("README.txt", README.format(format=FORMAT, code=household.code))
    counts = {key: len(value) for key, value in data.items() if isinstance(value, list)}
    audit_record(actor=user, action=AuditAction.EXPORT, obj=household, changes={"counts": counts})
    return buffer.getvalue()
