"""Writes for households, residents and poverty assessments."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from longdan.audit.services import audit_change, snapshot
from longdan.core.services import error, validate_and_save
from longdan.geo.models import Hamlet
from longdan.org.models import FIELD_UNIT_KINDS, Unit
from longdan.org.services import station_for_hamlet

from .models import Household, PovertyAssessment, Resident
from .poverty import DEPRIVATIONS, categorize, standard_for

DEPRIVATION_FIELDS = frozenset(name for name, _label in DEPRIVATIONS)


@transaction.atomic
def household_create(
    *,
    code: str,
    head_name: str,
    hamlet: Hamlet,
    station: Unit | None = None,
    acting_user: Any = None,
    **fields: object,
) -> Household:
    """Register a household in a hamlet. The station defaults to the one whose area holds the hamlet."""
    if station is None:
        station = station_for_hamlet(hamlet)
        if station is None:
            raise error(_("No station has this hamlet's commune in its area."), field="hamlet")
    elif station.kind not in FIELD_UNIT_KINDS:
        raise error(_("Households belong to a station or flotilla."), field="station")
    household = Household(
        code=code, head_name=head_name, hamlet=hamlet, commune_id=hamlet.commune_id, station=station
    )
    for name, value in fields.items():
        if name not in _EDITABLE_FIELDS:
            raise error(_("Unknown household field: %(name)s") % {"name": name})
        setattr(household, name, value)
    validate_and_save(household)
    audit_change(actor=acting_user, obj=household, before=None, after=snapshot(household))
    return household


_EDITABLE_FIELDS = frozenset(
    {
        "address",
        "latitude",
        "longitude",
        "phone",
        "ethnicity",
        "religion",
        "livelihood",
        "is_policy_family",
        "has_difficult_circumstances",
        "priority",
        "notes",
    }
)


@transaction.atomic
def resident_add(
    *,
    household: Household,
    full_name: str,
    sex: str,
    relation: str,
    acting_user: Any = None,
    **fields: object,
) -> Resident:
    """Add a person to a household."""
    birth_year = fields.get("birth_year")
    if isinstance(birth_year, int) and birth_year > timezone.localdate().year:
        raise error(_("The birth year cannot be in the future."), field="birth_year")
    resident = Resident(household=household, full_name=full_name, sex=sex, relation=relation, **fields)
    validate_and_save(resident)
    audit_change(actor=acting_user, obj=resident, before=None, after=snapshot(resident))
    return resident


@transaction.atomic
def poverty_assessment_record(
    *,
    household: Household,
    assessed_on: date,
    income_per_head: int,
    deprivations: Iterable[str] = (),
    area_type: str = "rural",
    standard: str | None = None,
    note: str = "",
    acting_user: Any = None,
) -> PovertyAssessment:
    """Record a dated review; the category follows from the standard in force, and the latest review is the status."""
    deprivations = set(deprivations)
    unknown = deprivations - DEPRIVATION_FIELDS
    if unknown:
        raise error(_("Unknown deprivation indicator: %(names)s") % {"names": ", ".join(sorted(unknown))})
    if assessed_on > timezone.localdate():
        raise error(_("The assessment date cannot be in the future."), field="assessed_on")
    if income_per_head < 0:
        raise error(_("Income cannot be negative."), field="income_per_head")
    standard = standard or standard_for(assessed_on)
    assessment = PovertyAssessment(
        household=household,
        assessed_on=assessed_on,
        standard=standard,
        area_type=area_type,
        income_per_head=income_per_head,
        note=note,
        category=categorize(
            standard=standard, area=area_type, income_per_head=income_per_head, deprivations=len(deprivations)
        ),
        **{name: True for name in deprivations},
    )
    validate_and_save(assessment)
    audit_change(actor=acting_user, obj=assessment, before=None, after=snapshot(assessment))
    latest = household.assessments.order_by("-assessed_on", "-id").first()
    if latest is not None and latest.pk == assessment.pk:
        Household.objects.filter(pk=household.pk).update(
            poverty_category=assessment.category, poverty_assessed_on=assessment.assessed_on
        )
        household.poverty_category = assessment.category
        household.poverty_assessed_on = assessment.assessed_on
    return assessment
