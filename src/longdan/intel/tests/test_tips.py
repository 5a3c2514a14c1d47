import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from longdan.accounts.models import Role
from longdan.audit.models import AuditAction, AuditEntry
from longdan.intel.models import Tip, TipCategory, TipEvent, TipStatus
from longdan.intel.services import tip_act, tip_assess, tip_open, tip_pass_to_team, tip_record
from longdan.org.models import UnitKind
from longdan.testing.factories import UserFactory, grant, make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def tip(world):
    return tip_record(
        acting_user=world.member_user,
        household=world.household_a,
        category=TipCategory.SMUGGLING,
        content="Ghe lạ neo ở cửa biển lúc 2 giờ sáng",
        source_note="gặp tại nhà",
    )


@pytest.fixture
def team(world):
    return make_unit(kind=UnitKind.TEAM, parent=world.station_a, name="Đội Trinh sát")


@pytest.fixture
def team_lead(team):
    user = UserFactory(username="team-lead")
    grant(user, Role.TEAM_LEAD, team)
    return user


def test_the_source_is_encrypted_at_rest(tip):
    with connection.cursor() as cursor:
        cursor.execute("SELECT source FROM intel_tip WHERE id = %s", [tip.pk])
        (raw,) = cursor.fetchone()
    assert "Sà Vọng" not in raw and "household_id" not in raw
    assert "Thạch Thị Sà Vọng" in Tip.objects.get(pk=tip.pk).source


def test_the_station_command_and_the_recorder_see_it(world, tip):
    assert Tip.objects.visible_to(world.commander_a).get() == tip
    assert Tip.objects.visible_to(world.member_user).get() == tip


@pytest.mark.parametrize("who", ["commander_b", "liaison_a", "liaison_b", "province_user"])
def test_others_do_not_see_it(world, tip, who):
    assert not Tip.objects.visible_to(getattr(world, who)).exists()


def test_another_member_of_the_station_does_not_see_it(world, tip):
    colleague = UserFactory()
    world.member_a2.user = colleague
    world.member_a2.save()
    grant(colleague, Role.MEMBER, world.station_a)
    assert not Tip.objects.visible_to(colleague).exists()


def test_the_receiving_team_sees_it_once_passed(world, tip, team, team_lead):
    assert not Tip.objects.visible_to(team_lead).exists()
    tip_pass_to_team(tip=tip, acting_user=world.commander_a, team=team)
    assert Tip.objects.visible_to(team_lead).get() == tip


def test_the_full_path_leaves_one_event_per_step(world, tip, team, team_lead):
    tip_pass_to_team(tip=tip, acting_user=world.commander_a, team=team, note="Giao Đội Trinh sát")
    tip_assess(tip=tip, acting_user=team_lead, verified=True, credibility="probable")
    tip = tip_act(tip=tip, acting_user=team_lead, outcome="Phối hợp bắt giữ, thu 2 tấn đường cát lậu")
    assert tip.status == TipStatus.ACTED_ON
    assert list(TipEvent.objects.filter(tip=tip).values_list("to_status", flat=True)) == [
        "received",
        "passed",
        "verified",
        "acted_on",
    ]
    assert AuditEntry.objects.filter(object_type="intel.tip", action__in=["create", "update"]).count() == 4


def test_a_member_cannot_pass_a_tip(world, tip, team):
    with pytest.raises(PermissionDenied):
        tip_pass_to_team(tip=tip, acting_user=world.member_user, team=team)
    tip.refresh_from_db()
    assert tip.status == TipStatus.RECEIVED
    assert tip.events.count() == 1


def test_steps_out_of_order_are_refused_and_change_nothing(world, tip):
    with pytest.raises(ValidationError):
        tip_act(tip=tip, acting_user=world.commander_a, outcome="x")
    tip.refresh_from_db()
    assert tip.status == TipStatus.RECEIVED
    assert tip.events.count() == 1


def test_a_team_of_another_station_is_refused(world, tip):
    other_team = make_unit(kind=UnitKind.TEAM, parent=world.station_b)
    with pytest.raises(ValidationError):
        tip_pass_to_team(tip=tip, acting_user=world.commander_a, team=other_team)


def test_opening_needs_a_reason_and_is_logged(world, tip):
    with pytest.raises(ValidationError):
        tip_open(tip=tip, acting_user=world.commander_a, reason="  ")
    source = tip_open(tip=tip, acting_user=world.commander_a, reason="Chuẩn bị xác minh")
    assert source["head_name"] == "Thạch Thị Sà Vọng"
    read = AuditEntry.objects.get(action=AuditAction.READ)
    assert read.reason == "Chuẩn bị xác minh"
    assert read.actor == world.commander_a


def test_no_tip_for_a_household_out_of_scope(world):
    with pytest.raises(PermissionDenied):
        tip_record(acting_user=world.member_user, household=world.household_b, category="drugs", content="x")
    assert not Tip.objects.exists()


def test_key_rotation_keeps_values_readable(world, tip, settings):
    from longdan.core.crypto import rotate
    from longdan.settings.base import derive_key

    old_keys = list(settings.FIELD_ENCRYPTION_KEYS)
    settings.FIELD_ENCRYPTION_KEYS = [derive_key("new-key"), *old_keys]
    with connection.cursor() as cursor:
        cursor.execute("SELECT source FROM intel_tip WHERE id = %s", [tip.pk])
        (raw,) = cursor.fetchone()
    rotated = rotate(raw)
    settings.FIELD_ENCRYPTION_KEYS = [derive_key("new-key")]
    from longdan.core.crypto import decrypt

    assert "Sà Vọng" in decrypt(rotated)


def test_the_rotation_command_re_encrypts_with_the_new_key(world, tip, settings):
    from django.core.management import call_command

    from longdan.settings.base import derive_key

    settings.FIELD_ENCRYPTION_KEYS = [derive_key("new-key"), *settings.FIELD_ENCRYPTION_KEYS]
    call_command("rotate_field_keys", stdout=io.StringIO())
    settings.FIELD_ENCRYPTION_KEYS = [derive_key("new-key")]
    assert "Sà Vọng" in Tip.objects.get(pk=tip.pk).source
