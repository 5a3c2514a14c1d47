"""visit_record and visit_cadence_set: idempotent, validated, attributed to the station at the time."""

import unicodedata
import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from longdan.fieldwork.models import Advice, Topic, Visit, VisitCadence, VisitKind
from longdan.fieldwork.services import CLOCK_SKEW, visit_cadence_set
from longdan.people.models import MemberStatus
from longdan.testing.factories import MemberFactory

pytestmark = pytest.mark.django_db


def messages(exc_info) -> str:
    return " ".join(str(m) for m in exc_info.value.messages)


def test_it_records_a_visit_with_the_station_and_province_of_the_time(world, record_visit):
    topics = list(Topic.objects.filter(code__in=["law", "border-movement"]))
    visit = record_visit(
        kind=VisitKind.PHONE,
        topics=topics,
        advice=[Advice.LOANS, Advice.LIVELIHOOD],
        aspirations="Muốn vay vốn làm ăn nhỏ",
        follow_up_on=timezone.localdate() + timedelta(days=7),
    )
    assert visit.station == world.station_a
    assert visit.province_command == world.command
    assert visit.recorded_by == world.member_user
    assert set(visit.topics.all()) == set(topics)
    assert visit.advice == ["loans", "livelihood"]
    assert visit.get_absolute_url() == f"/visits/{visit.pk}/"


def test_the_default_topics_exist():
    codes = set(Topic.objects.values_list("code", flat=True))
    assert {"law", "policy", "border-movement", "local-regulations"} <= codes
    movement = Topic.objects.get(code="border-movement")
    assert "Toàn dân tham gia bảo vệ chủ quyền lãnh thổ, an ninh biên giới quốc gia" in movement.name


def test_a_second_post_with_the_same_uuid_returns_the_first_visit(world, record_visit):
    client_uuid = uuid.uuid4()
    law = Topic.objects.get(code="law")
    first = record_visit(client_uuid=client_uuid, topics=[law])
    second = record_visit(client_uuid=client_uuid, topics=[law], aspirations="sent again")
    assert second.pk == first.pk
    assert Visit.objects.count() == 1
    assert first.members.count() == 1
    assert first.topics.count() == 1
    assert Visit.objects.get().aspirations == ""


def test_a_uuid_reused_for_another_household_is_refused(world, record_visit):
    client_uuid = uuid.uuid4()
    record_visit(acting_user=world.commander_a, client_uuid=client_uuid)
    with pytest.raises(ValidationError) as exc_info:
        record_visit(
            acting_user=world.commander_a,
            household=world.household_a2,
            members=[world.member_a2],
            client_uuid=client_uuid,
        )
    assert "already used for another record" in messages(exc_info)
    assert Visit.objects.count() == 1


def test_members_must_belong_to_the_households_station(world, record_visit):
    with pytest.raises(ValidationError) as exc_info:
        record_visit(acting_user=world.commander_a, members=[world.member_a, world.member_b])
    assert exc_info.value.message_dict["members"] == [
        "Phạm Hoài Đức is not a member of Đồn Biên phòng Vĩnh Hải."
    ]
    assert not Visit.objects.exists()


def test_an_officer_of_the_command_above_the_station_may_be_present(world, record_visit):
    # The seed case's provincial commissar is in charge of households of a station himself.
    commissar = MemberFactory(full_name="Nguyễn Trìu Mến", unit=world.command)
    visit = record_visit(acting_user=world.commander_a, members=[commissar, world.member_a])
    assert [p.member for p in visit.presence.all()] == [commissar, world.member_a]


def test_a_member_no_longer_active_cannot_be_present(world, record_visit):
    gone = MemberFactory(full_name="Trần Văn Cũ", unit=world.station_a, status=MemberStatus.TRANSFERRED)
    with pytest.raises(ValidationError) as exc_info:
        record_visit(acting_user=world.commander_a, members=[gone])
    assert "no longer an active member" in messages(exc_info)


def test_someone_must_have_been_present(world, record_visit):
    with pytest.raises(ValidationError) as exc_info:
        record_visit(members=[])
    assert "at least one member" in messages(exc_info)


def test_the_recorder_is_listed_first(world, record_visit):
    visit = record_visit(members=[world.member_a2, world.member_a])
    assert [p.member for p in visit.presence.order_by("position")] == [world.member_a, world.member_a2]


def test_a_visit_in_the_future_is_refused(world, record_visit):
    with pytest.raises(ValidationError) as exc_info:
        record_visit(visited_at=timezone.now() + CLOCK_SKEW + timedelta(minutes=5))
    assert exc_info.value.message_dict["visited_at"] == ["The visit cannot be in the future."]


def test_a_phone_clock_a_little_ahead_is_accepted(world, record_visit):
    visit = record_visit(visited_at=timezone.now() + timedelta(minutes=3))
    assert visit.pk


def test_a_naive_time_is_refused(world, record_visit):
    with pytest.raises(ValidationError) as exc_info:
        record_visit(visited_at=timezone.now().replace(tzinfo=None) - timedelta(hours=9))
    assert "time zone" in messages(exc_info)


def test_a_follow_up_before_the_visit_is_refused(world, record_visit):
    with pytest.raises(ValidationError) as exc_info:
        record_visit(follow_up_on=timezone.localdate() - timedelta(days=3))
    assert exc_info.value.message_dict["follow_up_on"] == ["The follow-up date cannot be before the visit."]


def test_unknown_advice_is_refused(world, record_visit):
    with pytest.raises(ValidationError) as exc_info:
        record_visit(advice=["astrology"])
    assert exc_info.value.message_dict["advice"] == ["Choose advice from the list."]


def test_an_unknown_kind_is_refused(world, record_visit):
    with pytest.raises(ValidationError) as exc_info:
        record_visit(kind="telepathy")
    assert "kind" in exc_info.value.message_dict


def test_a_member_cannot_record_for_a_household_not_theirs(world, record_visit):
    with pytest.raises(ValidationError) as exc_info:
        record_visit(household=world.household_a2, members=[world.member_a])
    assert exc_info.value.error_dict["household"][0].code == "forbidden"


def test_a_commander_of_another_station_cannot_record(world, record_visit):
    with pytest.raises(ValidationError):
        record_visit(acting_user=world.commander_b)
    assert not Visit.objects.exists()


def test_a_commune_liaison_reads_but_does_not_record(world, record_visit):
    with pytest.raises(ValidationError):
        record_visit(acting_user=world.liaison_a)


def test_text_is_stored_nfc(world, record_visit):
    decomposed = unicodedata.normalize("NFD", "Tâm tư: muốn học nghề")
    visit = record_visit(aspirations=decomposed)
    visit.refresh_from_db()
    assert visit.aspirations == unicodedata.normalize("NFC", "Tâm tư: muốn học nghề")


def test_the_visit_stays_with_its_station_when_the_household_moves(world, record_visit):
    visit = record_visit()
    world.household_a.station = world.station_b
    world.household_a.save()
    visit.refresh_from_db()
    assert visit.station == world.station_a


def test_the_commander_sets_the_stations_cadence(world):
    visit_cadence_set(
        station=world.station_a, acting_user=world.commander_a, priority_days=5, poor_days=10, other_days=20
    )
    visit_cadence_set(
        station=world.station_a, acting_user=world.commander_a, priority_days=6, poor_days=10, other_days=20
    )
    row = VisitCadence.objects.get(station=world.station_a)
    assert (row.priority_days, row.poor_days, row.other_days) == (6, 10, 20)


def test_a_member_cannot_set_the_cadence(world):
    with pytest.raises(ValidationError) as exc_info:
        visit_cadence_set(
            station=world.station_a,
            acting_user=world.member_user,
            priority_days=5,
            poor_days=10,
            other_days=20,
        )
    assert "Only the station command" in messages(exc_info)


def test_another_stations_commander_cannot_set_the_cadence(world):
    with pytest.raises(ValidationError):
        visit_cadence_set(
            station=world.station_a,
            acting_user=world.commander_b,
            priority_days=5,
            poor_days=10,
            other_days=20,
        )
    assert not VisitCadence.objects.exists()


def test_priority_households_are_not_visited_less_often_than_others(world):
    with pytest.raises(ValidationError) as exc_info:
        visit_cadence_set(
            station=world.station_a,
            acting_user=world.commander_a,
            priority_days=30,
            poor_days=14,
            other_days=7,
        )
    assert "at least as often" in messages(exc_info)
