"""The access sweep: every URL pattern the resolver knows (pages, admin, /api/v1), never a hand-kept list.

For each pattern that takes an id, the kwargs are filled with ids of REAL records of station A, and the
route is requested as outsiders: station B's commander, commune B's liaison, and anonymously. A record of
another station answers 404 — the same as a missing id — never the record. A route added later whose
kwargs this file cannot fill fails with "add a record for <pattern>", so it cannot slip past unscoped.

The second sweep plants unique markers in the sensitive fields (ethnicity, religion, identity numbers,
tip content) and reads every list and detail page and API endpoint as users without the sensitive right:
no marker may appear in any body (HTML, JSON, CSV, XLSX downloads included).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from longdan.testing.auth import LongdanClient

pytestmark = pytest.mark.django_db

# Routes whose kwargs are not record ids (a signed token), with the reason.
NOT_RECORD_ROUTES = {
    "password-reset-confirm": "a one-time signed link, not a record id",
}
MISSING_ID = 987654


@dataclass
class Route:
    name: str
    route: str
    pattern: URLPattern
    kwargs: list[str]

    @property
    def is_admin(self) -> bool:
        return self.name.startswith("admin:")

    @property
    def is_api(self) -> bool:
        return self.route.startswith("api/")


def _walk(patterns: list[Any], prefix: str = "", namespace: str = "") -> list[Route]:
    found: list[Route] = []
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace + (f"{entry.namespace}:" if entry.namespace else "")
            found += _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        else:
            kwargs = list(entry.pattern.regex.groupindex)
            found.append(Route(namespace + (entry.name or "?"), prefix + str(entry.pattern), entry, kwargs))
    return found


def all_routes() -> list[Route]:
    return _walk(get_resolver().url_patterns)


def _path(route: Route, values: dict[str, Any]) -> str:
    """Build the path from the pattern text (the API registers one name for several methods)."""
    import re

    def fill(match: re.Match[str]) -> str:
        return str(values[match.group("name")])

    text = re.sub(r"<(?:\w+:)?(?P<name>\w+)>", fill, route.route)
    if "(?P<" in text:  # a regex pattern (the admin's)
        text = re.sub(r"\(\?P<(?P<name>\w+)>[^)]*\)", fill, text).lstrip("^").rstrip("$").replace("\\", "")
    return "/" + text


@pytest.fixture
def records(world: Any) -> dict[str, Any]:
    """One real record of station A of every kind a route takes an id of."""
    from longdan.intel.models import TipCategory
    from longdan.intel.services import tip_record
    from longdan.reports.models import ReportRequest, ReportSchedule
    from longdan.support.models import ProgramKind, SupportProgram
    from longdan.support.services import benefit_record, support_event_record
    from longdan.testing.factories import CaseFactory, VisitFactory

    visit = VisitFactory(household=world.household_a, members=[world.member_a])
    case = CaseFactory(household=world.household_a, recorded_by_user=world.member_user)
    tip = tip_record(
        acting_user=world.member_user,
        household=world.household_a,
        category=TipCategory.SMUGGLING,
        content="Ghe lạ neo ở cửa biển",
        source_note="gặp tại nhà",
    )
    event = support_event_record(
        acting_user=world.commander_a,
        program=SupportProgram.objects.filter(kind=ProgramKind.MEDICAL).first(),
        station=world.station_a,
        title="Khám bệnh cấp thuốc",
        held_on=date(2026, 3, 8),
        hamlet=world.hamlet_a,
    )
    benefit = benefit_record(
        acting_user=world.member_user,
        program=SupportProgram.objects.filter(kind=ProgramKind.LOAN).first(),
        household=world.household_a,
        given_on=date(2026, 3, 1),
        loan_amount=30_000_000,
        description="Vay vốn",
    )
    report = ReportRequest.objects.create(
        requested_by=world.commander_a, unit=world.station_a, period="2026-10"
    )
    schedule = ReportSchedule.objects.create(unit=world.station_a, created_by=world.commander_a)
    meeting = _meeting(world)
    consent, subject_request, breach = _privacy_records(world)
    return {
        "household": world.household_a,
        "member": world.member_a,
        "station": world.station_a,
        "visit": visit,
        "case": case,
        "tip": tip,
        "support-event": event,
        "benefit": benefit,
        "report": report,
        "schedule": schedule,
        "cellmeeting": meeting,
        "consent": consent,
        "privacy-request": subject_request,
        "breach": breach,
    }


def _privacy_records(world: Any) -> tuple[Any, Any, Any]:
    from longdan.privacy.models import ConsentPurpose, RequestKind
    from longdan.privacy.services import breach_record, consent_record, request_record

    consent = consent_record(
        acting_user=world.member_user,
        household=world.household_a,
        purpose=ConsentPurpose.HOUSEHOLD_RECORD,
        notice_version="2026-01",
        given_on=date(2026, 1, 5),
    )
    subject_request = request_record(
        acting_user=world.commander_a,
        household=world.household_a,
        kind=RequestKind.ACCESS,
        received_on=date(2026, 3, 2),
    )
    breach = breach_record(
        acting_user=world.province_user,
        unit=world.station_a,
        discovered_at=timezone.now() - timedelta(hours=5),
        description="Mất máy tính của đồn",
    )
    return consent, subject_request, breach


def _meeting(world: Any) -> Any:
    from longdan.fieldwork.services import cell_meeting_record
    from longdan.testing.factories import HamletCellFactory

    cell = HamletCellFactory(hamlet=world.hamlet_a)
    return cell_meeting_record(
        cell=cell,
        held_on=timezone.localdate() - timedelta(days=1),
        attendees=[world.member_a],
        acting_user=world.commander_a,
        contributions="Bà con hỏi về vay vốn",
    )


# kwarg name → record key, whatever the route.
BY_KWARG = {
    "household_id": "household",
    "member_id": "member",
    "station_id": "station",
    "visit_id": "visit",
    "case_id": "case",
    "tip_id": "tip",
}
# `pk` → record key, by the route name's prefix.
PK_BY_NAME = [
    ("household-", "household"),
    ("member-", "member"),
    ("visit-", "visit"),
    ("case-", "case"),
    ("tip-", "tip"),
    ("support-event-", "support-event"),
    ("benefit-", "benefit"),
    ("report-schedule-", "schedule"),
    ("report-", "report"),
    ("cellmeeting-", "cellmeeting"),
    ("privacy-consent-", "consent"),
    ("privacy-request-", "privacy-request"),
    ("privacy-breach-", "breach"),
]
OTHER_KWARGS = {"action": "propose"}


def _admin_object(route: Route, records: dict[str, Any]) -> Any:
    from django.apps import apps

    # admin:<app>_<model>_<change|delete|history>
    stem = route.name.split(":", 1)[1].rsplit("_", 1)[0]
    for model in apps.get_models():
        if f"{model._meta.app_label}_{model._meta.model_name}" == stem:
            for record in records.values():
                if isinstance(record, model):
                    return record.pk
            first = model._default_manager.order_by("pk").first()
            return first.pk if first is not None else MISSING_ID
    return MISSING_ID


def fill(route: Route, records: dict[str, Any], *, missing: bool = False) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for kwarg in route.kwargs:
        if kwarg in OTHER_KWARGS:
            values[kwarg] = OTHER_KWARGS[kwarg]
        elif missing:
            values[kwarg] = MISSING_ID
        elif route.is_admin and kwarg in ("app_label", "content_type_id", "url"):
            values[kwarg] = {"app_label": "households", "content_type_id": 1, "url": "x"}[kwarg]
        elif route.is_admin:  # object_id, pk, id: the admin is staff-only, outsiders get its login
            values[kwarg] = _admin_object(route, records)
        elif kwarg in BY_KWARG:
            values[kwarg] = records[BY_KWARG[kwarg]].pk
        elif kwarg == "pk":
            key = next((key for prefix, key in PK_BY_NAME if route.name.startswith(prefix)), None)
            if key is None:
                pytest.fail(f"add a record for {route.name} ({route.route}): which record does its pk name?")
            values[kwarg] = records[key].pk
        else:
            pytest.fail(f"add a record for {route.name} ({route.route}): kwarg {kwarg!r} is not mapped")
    return values


def id_routes() -> list[Route]:
    return [r for r in all_routes() if r.kwargs and r.name not in NOT_RECORD_ROUTES]


def _client(user: Any) -> LongdanClient:
    client = LongdanClient()
    if user is not None:
        client.force_login(user)
    return client


def _is_login_redirect(response: Any) -> bool:
    return response.status_code in (301, 302) and "login" in response.get("Location", "")


def _refused(route: Route, response: Any, missing_status: int, *, anonymous: bool) -> bool:
    code = response.status_code
    if code == 404:
        return True
    if anonymous and (_is_login_redirect(response) or (route.is_api and code == 401)):
        return True
    if route.is_admin and (code == 403 or _is_login_redirect(response)):
        return True
    # Refused before the record is looked up (wrong method, missing form data): only acceptable when
    # a missing id gets exactly the same answer, so the answer says nothing about the record.
    return code == missing_status and code not in range(200, 300)


def test_the_resolver_walk_sees_pages_admin_and_api() -> None:
    names = {r.name for r in all_routes()}
    assert {"household-detail", "tip-detail", "api-v1:household_detail_api"} <= names
    assert any(name.startswith("admin:") for name in names)


def test_every_route_with_an_id_answers_404_to_outsiders(world: Any, records: dict[str, Any]) -> None:
    from longdan.accounts.models import Role
    from longdan.audit.models import AuditEntry
    from longdan.testing.factories import UserFactory, grant

    other_member = UserFactory(username="member-a2")
    world.member_a2.user = other_member
    world.member_a2.save()
    grant(other_member, Role.MEMBER, world.station_a)

    outsiders = {
        "commander_b": world.commander_b,
        "liaison_b": world.liaison_b,
        "anonymous": None,
    }
    audit_rows = AuditEntry.objects.count()
    leaks: list[str] = []
    for route in id_routes():
        path = _path(route, fill(route, records))
        missing = _path(route, fill(route, records, missing=True))
        who = dict(outsiders)
        if route.name.startswith("tip-") or "tip" in route.name:
            who["member_a2 (no tip right)"] = other_member  # a tip is the command's and the team's
        for label, user in who.items():
            client = _client(user)
            for method in ("get", "post"):
                response = getattr(client, method)(path)
                missing_status = getattr(client, method)(missing).status_code
                if not _refused(route, response, missing_status, anonymous=user is None):
                    leaks.append(f"{method.upper()} {path} ({route.name}) as {label}: {response.status_code}")
        audit_rows = AuditEntry.objects.count()  # reads by outsiders are refused, not logged as reads
    assert not leaks, "routes that answer outsiders:\n" + "\n".join(leaks)
    assert AuditEntry.objects.count() == audit_rows


def test_no_url_edits_or_deletes_audit_rows(world: Any, records: dict[str, Any]) -> None:
    """POST and DELETE to every route, with audit-entry ids where it takes an id, as the superuser too."""
    from longdan.audit.models import AuditEntry

    entries = list(AuditEntry.objects.order_by("pk").values_list("pk", "action", "changes", "reason"))
    assert entries, "the records fixture writes audit rows (tips and support are audited)"
    entry_id = entries[0][0]
    for user in (world.admin_user, world.province_user, world.commander_a):
        client = _client(user)
        for route in all_routes():
            values = {k: entry_id for k in route.kwargs}
            if route.name in NOT_RECORD_ROUTES or "action" in route.kwargs:
                continue
            if route.kwargs and not route.is_admin and not route.name.startswith("audit"):
                continue  # other routes' ids are not audit ids; POST to them is the first sweep's job
            path = _path(route, values)
            client.post(path, {"reason": "x", "action": "edit", "post": "yes"})
            client.delete(path)
    after = list(AuditEntry.objects.order_by("pk").values_list("pk", "action", "changes", "reason"))
    assert after[: len(entries)] == entries


# --- sensitive fields ------------------------------------------------------------------------------

MARKERS = {
    "ethnicity": "ZZETHNICMARK",
    "religion": "ZZRELIGIONMARK",
    "id_number": "990011223344",
    "tip": "ZZTIPCONTENTMARK",
    "source": "ZZTIPSOURCEMARK",
}


def _bodies(response: Any) -> list[str]:
    content = (
        b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
    )
    texts = [content.decode("utf-8", "replace")]
    if content[:2] == b"PK":  # xlsx / docx: read every part
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            texts += [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()]
    return texts


def test_no_sensitive_field_reaches_a_user_without_the_right(world: Any, records: dict[str, Any]) -> None:
    from longdan.households.models import Resident
    from longdan.intel.models import TipCategory
    from longdan.intel.services import tip_record

    for household in (world.household_a, world.household_a2):
        household.ethnicity = MARKERS["ethnicity"]
        household.religion = MARKERS["religion"]
        household.save()
    Resident.objects.create(
        household=world.household_a, full_name="Thạch Văn Con", id_number=MARKERS["id_number"]
    )
    tip_record(
        acting_user=world.member_user,
        household=world.household_a,
        category=TipCategory.DRUGS,
        content=MARKERS["tip"],
        source_note=MARKERS["source"],
    )
    readers = {"member_a (member)": world.member_user, "liaison_a": world.liaison_a}
    found: list[str] = []
    for route in all_routes():
        if route.is_admin or route.name in NOT_RECORD_ROUTES or route.name in ("logout", "set_language"):
            continue
        path = _path(route, fill(route, records)) if route.kwargs else "/" + route.route
        for label, user in readers.items():
            client = _client(user)
            response = client.get(path)
            if response.status_code != 200:
                continue
            for text in _bodies(response):
                for field, marker in MARKERS.items():
                    if marker in text:
                        found.append(f"{field} in GET {path} ({route.name}) as {label}")
    assert not found, "sensitive data shown without the right:\n" + "\n".join(sorted(set(found)))


def test_the_records_are_real_the_owner_sees_them(client: Any, world: Any, records: dict[str, Any]) -> None:
    """The control: the same paths answer 200 to station A's commander, so the 404s above mean scoping."""
    client.force_login(world.commander_a)
    for name in ("household-detail", "visit-detail", "case-detail", "support-event-detail", "member-detail"):
        route = next(r for r in all_routes() if r.name == name)
        path = _path(route, fill(route, records))
        assert client.get(path).status_code == 200, path


def test_the_sensitive_markers_are_shown_to_the_right_holder(client: Any, world: Any) -> None:
    """The control for the sensitive sweep: the commander (who holds the right) sees the planted marker."""
    world.household_a.ethnicity = MARKERS["ethnicity"]
    world.household_a.save()
    client.force_login(world.commander_a)
    response = client.get(world.household_a.get_absolute_url())
    assert MARKERS["ethnicity"] in response.content.decode()
