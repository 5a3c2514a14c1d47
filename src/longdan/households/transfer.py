"""Households in and out as a table: one row per resident, the household's columns repeated.

`longdan export` writes it (CSV with a BOM, or .xlsx), `longdan import` reads it back. The
headers are the Vietnamese labels below; the import also accepts the English ones and the
column keys. Ethnicity, religion and identity numbers are written only when asked for.

The poverty status and the member in charge are written for reading only: the import does
not set them (a status comes from a dated assessment, a member from an assignment).
"""

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from longdan.core.text import fold, nfc
from longdan.geo.models import AdminUnit, Hamlet
from longdan.org.models import FIELD_UNIT_KINDS, Unit

from .models import Household, Priority, Relation, Resident, Sex
from .services import household_create, resident_add

FORMATS = ("csv", "xlsx")

COLUMNS: list[tuple[str, str | Promise]] = [
    ("household_code", gettext_lazy("Household code")),
    ("head_name", gettext_lazy("Head of household")),
    ("commune_code", gettext_lazy("Commune code")),
    ("hamlet", gettext_lazy("Hamlet")),
    ("address", gettext_lazy("Address")),
    ("station_code", gettext_lazy("Station code")),
    ("priority", gettext_lazy("Priority")),
    ("poverty_category", gettext_lazy("Poverty status")),
    ("member_in_charge", gettext_lazy("Member in charge")),
    ("full_name", gettext_lazy("Resident's full name")),
    ("relation", gettext_lazy("Relation to head")),
    ("birth_year", gettext_lazy("Birth year")),
    ("sex", gettext_lazy("Sex")),
]
SENSITIVE_COLUMNS: list[tuple[str, str | Promise]] = [
    ("ethnicity", gettext_lazy("Ethnicity")),
    ("religion", gettext_lazy("Religion")),
    ("id_number", gettext_lazy("Identity number")),
]


def columns(*, sensitive: bool) -> list[tuple[str, str | Promise]]:
    return COLUMNS + (SENSITIVE_COLUMNS if sensitive else [])


# --- export ---


def export_rows(households: QuerySet[Household], *, sensitive: bool = False) -> Iterator[dict[str, Any]]:
    """One dict per resident (a household without residents: one row with the resident columns empty)."""
    # Looked up by name: assignments sits above households.
    assignment = apps.get_model("assignments", "HouseholdAssignment")
    in_charge = assignment.objects.filter(
        household_id=OuterRef("pk"), role="primary", end_date__isnull=True
    ).values("member__full_name")[:1]
    queryset = (
        households.select_related("commune", "hamlet", "station")
        .annotate(member_in_charge=Subquery(in_charge))
        .prefetch_related(Prefetch("residents", queryset=Resident.objects.order_by("id")))
        .order_by("station__code", "commune__code", "code")
    )
    for household in queryset:
        base = {
            "household_code": household.code,
            "head_name": household.head_name,
            "commune_code": household.commune.code,
            "hamlet": household.hamlet.name,
            "address": household.address,
            "station_code": household.station.code,
            "priority": household.get_priority_display(),
            "poverty_category": household.get_poverty_category_display()
            if household.poverty_category
            else "",
            "member_in_charge": household.member_in_charge or "",
        }
        if sensitive:
            base |= {"ethnicity": household.ethnicity, "religion": household.religion}
        residents = list(household.residents.all())
        if not residents:
            yield base | {"full_name": "", "relation": "", "birth_year": "", "sex": ""}
        for resident in residents:
            row = base | {
                "full_name": resident.full_name,
                "relation": resident.get_relation_display(),
                "birth_year": resident.birth_year if resident.birth_year is not None else "",
                "sex": resident.get_sex_display(),
            }
            if sensitive:
                row["id_number"] = resident.id_number
            yield row


def export_bytes(rows: Iterable[dict[str, Any]], *, fmt: str, sensitive: bool = False) -> tuple[bytes, int]:
    """The file's bytes and the number of rows written."""
    cols = columns(sensitive=sensitive)
    headers = [str(label) for _key, label in cols]
    count = 0
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([row.get(key, "") for key, _label in cols])
            count += 1
        # With a BOM, so Excel on Windows reads the file as UTF-8 and shows the diacritics.
        return buffer.getvalue().encode("utf-8-sig"), count
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Households"))
    sheet.append(headers)
    for row in rows:
        # Codes stay text ("00123" must not become 123); the birth year stays a number.
        sheet.append([row.get(key, "") for key, _label in cols])
        count += 1
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue(), count


# --- reading ---


def _header_keys() -> dict[str, str]:
    """Folded header text → column key, for the Vietnamese and English labels and the keys themselves."""
    known: dict[str, str] = {}
    for key, label in COLUMNS + SENSITIVE_COLUMNS:
        known[fold(key)] = key
        for language in ("vi", "en"):
            with translation.override(language):
                known[fold(str(label))] = key
    return known


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value)).strip()


def read_table(content: bytes, *, fmt: str) -> list[dict[str, str]]:
    """The rows of a CSV or .xlsx file as dicts keyed by column key (unknown columns dropped)."""
    if fmt == "csv":
        text = content.decode("utf-8-sig")
        table: list[list[Any]] = list(csv.reader(io.StringIO(text)))
    else:
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        table = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    if not table:
        return []
    known = _header_keys()
    keys = [known.get(fold(_cell(header))) for header in table[0]]
    rows = []
    for values in table[1:]:
        rows.append({key: _cell(value) for key, value in zip(keys, values, strict=False) if key})
    return rows


# --- import ---


@dataclass
class ImportResult:
    households_created: int = 0
    residents_created: int = 0
    already_present: int = 0
    errors: list[str] = field(default_factory=list)


def _choice(text: str, choices: Any) -> str | None:
    """A choice's value from its value or its label in Vietnamese or English (case and accents ignored)."""
    key = fold(text)
    for value, label in choices.choices:
        if key == fold(value):
            return str(value)
        for language in ("vi", "en"):
            with translation.override(language):
                if key == fold(str(label)):
                    return str(value)
    return None


def _row_error(number: int, message: str) -> str:
    return _("Row %(number)s: %(message)s") % {"number": number, "message": message}


def _messages(exc: ValidationError) -> list[str]:
    if hasattr(exc, "error_dict"):
        return [
            f"{name}: {message}" if name != "__all__" else message
            for name, msgs in exc.message_dict.items()
            for message in msgs
        ]
    return list(exc.messages)


def import_rows(rows: list[dict[str, str]], *, station: Unit, dry_run: bool = False) -> ImportResult:
    """Create the households and residents of `rows` at `station`, all or nothing.

    Rows are numbered as in the file (the header is row 1). Every row is checked; if any is
    wrong nothing is written. A household whose code the station already has is skipped.
    """
    result = ImportResult()
    if station.kind not in FIELD_UNIT_KINDS:
        result.errors.append(_("Households belong to a station or flotilla."))
        return result
    area = set(
        apps.get_model("org", "UnitArea").objects.filter(unit=station).values_list("commune_id", flat=True)
    )
    groups: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for number, row in enumerate(rows, start=2):
        if not any(row.values()):
            continue
        code = row.get("household_code", "")
        if not code:
            result.errors.append(_row_error(number, _("the household code is missing.")))
            continue
        groups.setdefault(code, []).append((number, row))
    existing = set(Household.objects.filter(station=station, code__in=groups).values_list("code", flat=True))
    this_year = timezone.localdate().year

    with transaction.atomic():
        for code, group in groups.items():
            first_number, first = group[0]
            if code in existing:
                result.already_present += 1
                continue
            errors_before = len(result.errors)
            for number, row in group[1:]:
                for key in ("head_name", "commune_code", "hamlet"):
                    if row.get(key, "") != first.get(key, ""):
                        result.errors.append(
                            _row_error(
                                number,
                                _("the household %(code)s has a different %(column)s from row %(first)s.")
                                % {"code": code, "column": _column_label(key), "first": first_number},
                            )
                        )
            for key in ("head_name", "commune_code", "hamlet"):
                if not first.get(key):
                    result.errors.append(
                        _row_error(first_number, _("%(column)s is missing.") % {"column": _column_label(key)})
                    )
            hamlet = None
            commune_code = first.get("commune_code", "")
            if commune_code:
                commune = AdminUnit.objects.filter(
                    code=commune_code, level="commune", valid_to__isnull=True
                ).first()
                if commune is None:
                    result.errors.append(
                        _row_error(
                            first_number,
                            _("no current commune has the code %(code)s.") % {"code": commune_code},
                        )
                    )
                elif commune.pk not in area:
                    result.errors.append(
                        _row_error(
                            first_number,
                            _("the commune %(commune)s is not in the area of %(station)s.")
                            % {"commune": commune.name, "station": station.name},
                        )
                    )
                elif first.get("hamlet"):
                    hamlet = Hamlet.objects.filter(commune=commune, name_folded=fold(first["hamlet"])).first()
                    if hamlet is None:
                        result.errors.append(
                            _row_error(
                                first_number,
                                _(
                                    "the hamlet “%(hamlet)s” does not exist in %(commune)s; "
                                    "add it first (the import does not create hamlets)."
                                )
                                % {"hamlet": first["hamlet"], "commune": commune.name},
                            )
                        )
            priority = Priority.NORMAL.value
            if first.get("priority"):
                found = _choice(first["priority"], Priority)
                if found is None:
                    result.errors.append(
                        _row_error(
                            first_number, _("unknown priority “%(value)s”.") % {"value": first["priority"]}
                        )
                    )
                else:
                    priority = found
            residents = []
            for number, row in group:
                if not row.get("full_name"):
                    continue
                relation = _choice(row.get("relation", ""), Relation)
                sex = _choice(row.get("sex", ""), Sex)
                if relation is None:
                    result.errors.append(
                        _row_error(
                            number,
                            _("unknown relation to head “%(value)s”.") % {"value": row.get("relation", "")},
                        )
                    )
                if sex is None:
                    result.errors.append(
                        _row_error(number, _("unknown sex “%(value)s”.") % {"value": row.get("sex", "")})
                    )
                birth_year = None
                if row.get("birth_year"):
                    try:
                        birth_year = int(row["birth_year"])
                    except ValueError:
                        birth_year = -1
                    if not 1900 <= birth_year <= this_year:
                        result.errors.append(
                            _row_error(
                                number,
                                _("the birth year “%(value)s” is not a year between 1900 and now.")
                                % {"value": row["birth_year"]},
                            )
                        )
                residents.append((number, row, relation, sex, birth_year))
            if len(result.errors) > errors_before or hamlet is None:
                continue
            try:
                household = household_create(
                    code=code,
                    head_name=first["head_name"],
                    hamlet=hamlet,
                    station=station,
                    address=first.get("address", ""),
                    priority=priority,
                    ethnicity=first.get("ethnicity", ""),
                    religion=first.get("religion", ""),
                )
            except ValidationError as exc:
                result.errors.extend(_row_error(first_number, message) for message in _messages(exc))
                continue
            result.households_created += 1
            for number, row, relation, sex, birth_year in residents:
                try:
                    resident_add(
                        household=household,
                        full_name=row["full_name"],
                        sex=str(sex),
                        relation=str(relation),
                        birth_year=birth_year,
                        id_number=row.get("id_number", ""),
                    )
                except ValidationError as exc:
                    result.errors.extend(_row_error(number, message) for message in _messages(exc))
                    continue
                result.residents_created += 1
        if result.errors or dry_run:
            transaction.set_rollback(True)
    return result


def _column_label(key: str) -> str:
    return next(str(label) for k, label in COLUMNS + SENSITIVE_COLUMNS if k == key)


__all__ = ["FORMATS", "ImportResult", "export_bytes", "export_rows", "import_rows", "read_table"]
