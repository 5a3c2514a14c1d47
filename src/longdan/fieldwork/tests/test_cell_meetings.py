"""Hamlet cell meetings: recorded by the station or a member who attended, seen by the station and the commune."""

import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from longdan.fieldwork.models import CellMeeting
from longdan.fieldwork.services import cell_meeting_record
from longdan.org.models import CellKind
from longdan.org.services import party_cell_create
from longdan.testing.factories import HamletCellFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cell_a(world):
    return party_cell_create(
        name="Chi bộ ấp Âu Thọ A", kind=CellKind.HAMLET, hamlet=world.hamlet_a, secretary_name="Trần Văn Bí"
    )


@pytest.fixture
def cell_b(world):
    return HamletCellFactory(hamlet=world.hamlet_b)


@pytest.fixture
def meeting_a(world, cell_a):
    return cell_meeting_record(
        cell=cell_a,
        held_on=timezone.localdate() - timedelta(days=3),
        attendees=[world.member_a],
        acting_user=world.member_user,
        contributions="Phổ biến chính sách vay vốn",
        issues=["Đường vào ấp bị sạt lở", "  ", "Thiếu nước sạch mùa khô"],
    )


def test_it_records_a_meeting_with_its_issues(world, meeting_a):
    assert meeting_a.station == world.station_a
    assert meeting_a.province_command == world.command
    assert meeting_a.commune == world.commune_a
    assert [issue.text for issue in meeting_a.issues.all()] == [
        "Đường vào ấp bị sạt lở",
        "Thiếu nước sạch mùa khô",
    ]
    assert list(meeting_a.attendees.all()) == [world.member_a]


def test_the_same_meeting_sent_twice_is_recorded_once(world, cell_a):
    client_uuid = uuid.uuid4()
    for _ in range(2):
        cell_meeting_record(
            cell=cell_a,
            held_on=timezone.localdate(),
            attendees=[world.member_a],
            acting_user=world.member_user,
            issues=["Một vấn đề"],
            client_uuid=client_uuid,
        )
    assert CellMeeting.objects.count() == 1
    assert CellMeeting.objects.get().issues.count() == 1


def test_a_meeting_in_the_future_is_refused(world, cell_a):
    with pytest.raises(ValidationError) as exc_info:
        cell_meeting_record(
            cell=cell_a,
            held_on=timezone.localdate() + timedelta(days=1),
            attendees=[world.member_a],
            acting_user=world.member_user,
        )
    assert exc_info.value.message_dict["held_on"] == ["The meeting date cannot be in the future."]


def test_attendees_must_be_of_the_station_whose_area_holds_the_hamlet(world, cell_a):
    with pytest.raises(ValidationError) as exc_info:
        cell_meeting_record(
            cell=cell_a,
            held_on=timezone.localdate(),
            attendees=[world.member_b],
            acting_user=world.commander_a,
        )
    assert "is not a member of Đồn Biên phòng Vĩnh Hải" in exc_info.value.message_dict["attendees"][0]


def test_a_member_who_did_not_attend_cannot_record_it(world, cell_a):
    with pytest.raises(ValidationError) as exc_info:
        cell_meeting_record(
            cell=cell_a,
            held_on=timezone.localdate(),
            attendees=[world.member_a2],
            acting_user=world.member_user,
        )
    assert "who attended" in " ".join(exc_info.value.messages)


def test_another_stations_commander_cannot_record_it(world, cell_a):
    with pytest.raises(ValidationError):
        cell_meeting_record(
            cell=cell_a,
            held_on=timezone.localdate(),
            attendees=[world.member_a],
            acting_user=world.commander_b,
        )


def test_a_unit_cell_is_not_a_hamlet_cell(world):
    unit_cell = party_cell_create(name="Chi bộ Đồn", kind=CellKind.UNIT, unit=world.station_a)
    with pytest.raises(ValidationError) as exc_info:
        cell_meeting_record(
            cell=unit_cell,
            held_on=timezone.localdate(),
            attendees=[world.member_a],
            acting_user=world.commander_a,
        )
    assert "hamlet cells" in " ".join(exc_info.value.messages)


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("member_user", True),  # attended
        ("commander_a", True),
        ("province_user", True),
        ("liaison_a", True),  # the commune of the hamlet
        ("commander_b", False),
        ("liaison_b", False),
    ],
)
def test_who_sees_a_meeting(world, meeting_a, who, sees):
    assert CellMeeting.objects.visible_to(getattr(world, who)).filter(pk=meeting_a.pk).exists() is sees


def test_a_member_attending_the_cell_sees_its_meetings(world, cell_a):
    from longdan.assignments.services import cell_join
    from longdan.testing.factories import UserFactory, grant

    meeting = cell_meeting_record(
        cell=cell_a, held_on=timezone.localdate(), attendees=[world.member_a], acting_user=world.commander_a
    )
    user = UserFactory()
    world.member_a2.user = user
    world.member_a2.save()
    grant(user, "member", world.station_a)
    assert not CellMeeting.objects.visible_to(user).exists()
    cell_join(member=world.member_a2, cell=cell_a)
    user = type(user).objects.get(pk=user.pk)  # the scope is cached per user object
    assert list(CellMeeting.objects.visible_to(user)) == [meeting]


# ---------------------------------------------------------------- pages


def test_the_meeting_pages_work(client, world, meeting_a):
    client.force_login(world.commander_a)
    listing = client.get(reverse("cellmeeting-list")).content.decode()
    assert "Chi bộ ấp Âu Thọ A" in listing
    detail = client.get(meeting_a.get_absolute_url()).content.decode()
    assert "Đường vào ấp bị sạt lở" in detail
    assert "Trần Văn Bí" in detail


def test_the_meeting_list_filters_by_date(client, world, meeting_a):
    client.force_login(world.commander_a)
    held = meeting_a.held_on.isoformat()
    shown = client.get(reverse("cellmeeting-list"), {"since": held, "until": held})
    assert [m.pk for m in shown.context["page"].object_list] == [meeting_a.pk]
    later = (meeting_a.held_on + timedelta(days=1)).isoformat()
    none = client.get(reverse("cellmeeting-list"), {"since": later})
    assert list(none.context["page"].object_list) == []
    assert "Không có buổi sinh hoạt chi bộ nào phù hợp." in none.text


def test_an_issue_can_become_a_hamlet_petition(client, world, meeting_a):
    from django.apps import apps

    if not apps.is_installed("longdan.cases"):
        pytest.skip("the cases app is not installed")
    client.force_login(world.commander_a)
    detail = client.get(meeting_a.get_absolute_url()).content.decode()
    issue = meeting_a.issues.first()
    assert f"{reverse('case-new')}?hamlet={world.hamlet_a.pk}&amp;issue={issue.pk}" in detail


def test_a_member_records_a_meeting_from_the_form(client, world, cell_a):
    client.force_login(world.member_user)
    form = client.get(reverse("cellmeeting-create")).content.decode()
    assert "Chi bộ ấp Âu Thọ A" in form
    response = client.post(
        reverse("cellmeeting-create"),
        {
            "cell": cell_a.pk,
            "held_on": timezone.localdate().isoformat(),
            "attendees": [world.member_a.pk],
            "contributions": "Góp ý về an ninh trật tự",
            "issues": "Đèn đường hỏng\n\nCần hỗ trợ học bổng",
            "client_uuid": str(uuid.uuid4()),
        },
    )
    meeting = CellMeeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == meeting.get_absolute_url() + "?saved=1"
    assert [i.text for i in meeting.issues.all()] == ["Đèn đường hỏng", "Cần hỗ trợ học bổng"]


def test_another_stations_cell_is_not_offered(client, world, cell_a, cell_b):
    client.force_login(world.commander_a)
    form = client.get(reverse("cellmeeting-create")).content.decode()
    assert cell_b.name not in form


@pytest.mark.parametrize("who", ["commander_b", "liaison_b"])
def test_another_stations_meeting_answers_404(client, world, meeting_a, who):
    client.force_login(getattr(world, who))
    assert client.get(meeting_a.get_absolute_url()).status_code == 404


def test_a_liaison_reads_meetings_but_does_not_record_them(client, world, meeting_a):
    client.force_login(world.liaison_a)
    assert client.get(meeting_a.get_absolute_url()).status_code == 200
    assert client.get(reverse("cellmeeting-create")).status_code == 404
