"""The household export: everything about one household, nothing of another, tips only with the right."""

import io
import json
import zipfile
from datetime import date

import pytest

from longdan.audit.models import AuditAction, AuditEntry
from longdan.households.models import Resident
from longdan.intel.models import TipCategory
from longdan.intel.services import tip_record
from longdan.privacy.export import household_export
from longdan.privacy.models import ConsentPurpose, RequestKind
from longdan.privacy.services import consent_record, request_record
from longdan.support.models import ProgramKind, SupportProgram
from longdan.support.services import benefit_record
from longdan.testing.factories import CaseFactory, VisitFactory

pytestmark = pytest.mark.django_db


def unpack(content: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert set(archive.namelist()) == {"household.json", "README.txt"}
        return json.loads(archive.read("household.json"))


@pytest.fixture
def two_households(world):
    """Household A and its neighbour A2 in the same hamlet, each with the same kinds of records."""
    for household, member, resident in (
        (world.household_a, world.member_a, "Thạch Văn Tèo"),
        (world.household_a2, world.member_a2, "Lâm Thị Mai"),
    ):
        Resident.objects.create(household=household, full_name=resident, sex="male", relation="child")
        VisitFactory(household=household, members=[member], aspirations=f"Mong muốn của {resident}")
        CaseFactory(household=household, title=f"Kiến nghị của {household.head_name}")
        benefit_record(
            acting_user=world.commander_a,
            program=SupportProgram.objects.filter(kind=ProgramKind.LOAN).first(),
            household=household,
            given_on=date(2026, 3, 1),
            loan_amount=30_000_000,
            description=f"Vay vốn cho {household.head_name}",
        )
        consent_record(
            acting_user=world.commander_a,
            household=household,
            purpose=ConsentPurpose.HOUSEHOLD_RECORD,
            notice_version="2026-01",
            given_on=date(2026, 1, 5),
        )
        request_record(
            acting_user=world.commander_a,
            household=household,
            kind=RequestKind.ACCESS,
            received_on=date(2026, 3, 2),
        )
    # Raised at the hamlet's cell meeting: the hamlet's, not household A's.
    CaseFactory(hamlet=world.hamlet_a, title="Đường ấp Âu Thọ A ngập nước")
    tip_record(
        acting_user=world.member_user,
        household=world.household_a,
        category=TipCategory.SMUGGLING,
        content="Ghe lạ neo ở cửa biển",
        source_note="gặp tại nhà bà Sà Vọng",
    )
    return world


def test_it_exports_everything_about_the_household(two_households):
    world = two_households
    data = unpack(household_export(user=world.commander_a, household=world.household_a))
    assert data["household"]["head_name"] == "Thạch Thị Sà Vọng"
    assert [r["full_name"] for r in data["residents"]] == ["Thạch Văn Tèo"]
    assert len(data["visits"]) == 1 and data["visits"][0]["members"] == ["Thiếu úy Nguyễn Thiên Phú"]
    assert [p["title"] for p in data["petitions"]] == ["Kiến nghị của Thạch Thị Sà Vọng"]
    assert len(data["benefits"]) == 1 and len(data["consents"]) == 1 and len(data["requests"]) == 1
    assert [a["member"] for a in data["assignments"]] == ["Thiếu úy Nguyễn Thiên Phú"]


def test_it_holds_nothing_of_the_neighbour_or_the_hamlet(two_households):
    world = two_households
    text = json.dumps(
        unpack(household_export(user=world.commander_a, household=world.household_a)), ensure_ascii=False
    )
    for foreign in ("Lâm Văn Sơn", "Lâm Thị Mai", world.household_a2.code, "Đường ấp Âu Thọ A ngập nước"):
        assert foreign not in text


def test_tips_only_with_the_tip_right_and_never_the_source(two_households):
    world = two_households
    data = unpack(household_export(user=world.commander_a, household=world.household_a))
    assert [t["content"] for t in data["tips"]] == ["Ghe lạ neo ở cửa biển"]
    text = json.dumps(data, ensure_ascii=False)
    assert "gặp tại nhà" not in text and "source" not in data["tips"][0]
    assert "tips" not in unpack(household_export(user=world.province_user, household=world.household_a))


def test_every_export_writes_an_audit_row(two_households):
    world = two_households
    household_export(user=world.commander_a, household=world.household_a)
    row = AuditEntry.objects.for_object(world.household_a).get(action=AuditAction.EXPORT)
    assert row.actor == world.commander_a and row.changes["counts"]["visits"] == 1
