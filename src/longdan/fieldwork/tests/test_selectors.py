"""Work lists and coverage: cadence, order, follow-ups and dates in Asia/Ho_Chi_Minh across month ends."""

from datetime import UTC, date

import pytest

from longdan.fieldwork.models import VisitCadence
from longdan.fieldwork.selectors import coverage, last_visits, station_work, work_today
from longdan.households.models import Priority
from longdan.households.poverty import PovertyCategory
from longdan.testing.factories import (
    AssignmentFactory,
    HamletFactory,
    HouseholdFactory,
    MemberFactory,
    VisitFactory,
)

from .conftest import local

pytestmark = pytest.mark.django_db


def household(world, name, *, hamlet=None, priority=Priority.NORMAL, poverty="", member=None, since=None):
    made = HouseholdFactory(
        head_name=name, hamlet=hamlet or world.hamlet_a, station=world.station_a, priority=priority
    )
    if poverty:
        type(made).objects.filter(pk=made.pk).update(poverty_category=poverty)
        made.poverty_category = poverty
    AssignmentFactory(member=member or world.member_a, household=made, start_date=since or date(2024, 1, 1))
    return made


def due_names(work):
    return [item.household.head_name for item in work.due]


def item_for(work, name):
    return next(item for item in work.standing if item.household.head_name == name)


def test_a_household_never_visited_is_due_since_the_assignment_started(world):
    work = work_today(member=world.member_a, today=date(2024, 1, 11))
    (item,) = work.due
    assert item.household == world.household_a
    assert item.last_visited_on is None
    assert item.due_on == date(2024, 1, 1)
    assert item.days_overdue == 10


def test_a_household_visited_within_its_cadence_is_not_due(world):
    VisitFactory(household=world.household_a, visited_at=local(2026, 10, 20))
    work = work_today(member=world.member_a, today=date(2026, 11, 1))
    assert work.due == []
    assert item_for(work, world.household_a.head_name).due_on == date(2026, 11, 19)  # others: every 30 days


def test_the_work_list_is_sorted_by_days_overdue_then_by_hamlet(world):
    ap_b = HamletFactory(name="Ấp Bà Xuyên", commune=world.commune_a)
    ap_c = HamletFactory(name="Ấp Cà Lăng", commune=world.commune_a)
    VisitFactory(household=world.household_a, visited_at=local(2026, 11, 20))  # not due
    in_c = household(world, "Kim Thị Ca", hamlet=ap_c, priority=Priority.PRIORITY)
    in_b = household(world, "Lý Văn Bé", hamlet=ap_b, priority=Priority.PRIORITY)
    poor = household(world, "Danh Thị Nghèo", hamlet=ap_c, poverty=PovertyCategory.POOR)
    VisitFactory(household=in_c, visited_at=local(2026, 11, 20))  # 7 days → due 27/11: 3 days overdue
    VisitFactory(household=in_b, visited_at=local(2026, 11, 20))  # same: 3 days overdue, hamlet B first
    VisitFactory(household=poor, visited_at=local(2026, 11, 1))  # 14 days → due 15/11: 15 days overdue

    work = work_today(member=world.member_a, today=date(2026, 11, 30))

    assert due_names(work) == ["Danh Thị Nghèo", "Lý Văn Bé", "Kim Thị Ca"]
    assert [item.days_overdue for item in work.due] == [15, 3, 3]
    assert [item.cadence_days for item in work.due] == [14, 7, 7]
    assert work.overdue_count == 3


def test_the_last_visit_counts_not_an_older_one(world):
    VisitFactory(household=world.household_a, visited_at=local(2026, 9, 1))
    VisitFactory(household=world.household_a, visited_at=local(2026, 10, 25))
    VisitFactory(household=world.household_a, visited_at=local(2026, 8, 1))
    work = work_today(member=world.member_a, today=date(2026, 11, 1))
    assert work.due == []
    assert item_for(work, world.household_a.head_name).last_visited_on == date(2026, 10, 25)


def test_a_visit_at_2330_on_31_october_counts_for_31_october(world):
    priority = household(world, "Thạch Ưu Tiên", priority=Priority.PRIORITY)
    VisitFactory(household=priority, visited_at=local(2026, 10, 31, 23, 30))
    VisitFactory(household=world.household_a, visited_at=local(2026, 10, 31, 23, 30))

    on_6th = work_today(member=world.member_a, today=date(2026, 11, 6))
    on_7th = work_today(member=world.member_a, today=date(2026, 11, 7))

    assert item_for(on_7th, "Thạch Ưu Tiên").last_visited_on == date(2026, 10, 31)
    assert "Thạch Ưu Tiên" not in due_names(on_6th)
    assert item_for(on_7th, "Thạch Ưu Tiên").due_on == date(2026, 11, 7)
    assert item_for(on_7th, "Thạch Ưu Tiên").days_overdue == 0
    # 31 October + 30 days is 30 November, not 1 December.
    assert item_for(on_7th, world.household_a.head_name).due_on == date(2026, 11, 30)


def test_a_visit_at_0030_on_1_november_counts_for_1_november_though_utc_says_31_october(world):
    visit = VisitFactory(household=world.household_a, visited_at=local(2026, 11, 1, 0, 30))
    assert visit.visited_at.astimezone(UTC).date() == date(2026, 10, 31)
    on_30th = work_today(member=world.member_a, today=date(2026, 11, 30))
    on_1st = work_today(member=world.member_a, today=date(2026, 12, 1))
    assert on_30th.due == []
    assert item_for(on_30th, world.household_a.head_name).days_until_due == 1
    assert due_names(on_1st) == [world.household_a.head_name]
    assert on_1st.due[0].days_overdue == 0


def test_overdue_days_are_counted_across_a_month_end(world):
    poor = household(world, "Sơn Thị Cận Nghèo", poverty=PovertyCategory.NEAR_POOR)
    VisitFactory(household=poor, visited_at=local(2026, 10, 20, 16))  # 14 days → due 3 November
    work = work_today(member=world.member_a, today=date(2026, 11, 5))
    item = item_for(work, "Sơn Thị Cận Nghèo")
    assert item.due_on == date(2026, 11, 3)
    assert item.days_overdue == 2


def test_overdue_days_across_the_end_of_february(world):
    poor = household(world, "Lâm Thị Tháng Hai", poverty=PovertyCategory.POOR)
    VisitFactory(household=poor, visited_at=local(2027, 2, 20, 8))  # 2027 is not a leap year
    assert item_for(
        work_today(member=world.member_a, today=date(2027, 3, 6)), "Lâm Thị Tháng Hai"
    ).due_on == (date(2027, 3, 6))
    assert (
        item_for(work_today(member=world.member_a, today=date(2027, 3, 9)), "Lâm Thị Tháng Hai").days_overdue
        == 3
    )


def test_a_stations_own_cadence_replaces_the_defaults(world):
    VisitCadence.objects.create(station=world.station_a, priority_days=3, poor_days=7, other_days=10)
    VisitFactory(household=world.household_a, visited_at=local(2026, 10, 28))
    work = work_today(member=world.member_a, today=date(2026, 11, 8))
    assert due_names(work) == [world.household_a.head_name]
    assert work.due[0].cadence_days == 10
    assert work.due[0].days_overdue == 1


def test_only_open_primary_assignments_are_on_the_list(world):
    from longdan.assignments.services import household_reassign

    household_reassign(household=world.household_a, member=world.member_a2, on=date(2026, 1, 1))
    assert work_today(member=world.member_a, today=date(2026, 11, 1)).households == 0
    assert world.household_a in [
        i.household for i in work_today(member=world.member_a2, today=date(2026, 11, 1)).due
    ]


def test_follow_ups_come_from_the_latest_visit_when_their_date_has_come(world):
    VisitFactory(household=world.household_a, visited_at=local(2026, 10, 30), follow_up_on=date(2026, 11, 3))
    before = work_today(member=world.member_a, today=date(2026, 11, 2))
    on_the_day = work_today(member=world.member_a, today=date(2026, 11, 3))
    later = work_today(member=world.member_a, today=date(2026, 11, 5))
    assert before.follow_ups == []
    assert [f.household for f in on_the_day.follow_ups] == [world.household_a]
    assert later.follow_ups[0].days_late == 2


def test_a_later_visit_answers_a_follow_up(world):
    VisitFactory(household=world.household_a, visited_at=local(2026, 10, 1), follow_up_on=date(2026, 10, 5))
    VisitFactory(household=world.household_a, visited_at=local(2026, 10, 6))
    assert work_today(member=world.member_a, today=date(2026, 11, 1)).follow_ups == []


def test_last_visits_returns_the_latest_of_each_household(world):
    VisitFactory(household=world.household_a, visited_at=local(2026, 10, 1))
    latest_a = VisitFactory(household=world.household_a, visited_at=local(2026, 10, 9))
    latest_a2 = VisitFactory(household=world.household_a2, visited_at=local(2026, 9, 9))
    found = last_visits([world.household_a, world.household_a2, world.household_b])
    assert found == {world.household_a.pk: latest_a, world.household_a2.pk: latest_a2}
    assert last_visits([]) == {}


def test_the_station_sees_each_members_work(world):
    VisitFactory(household=world.household_a2, visited_at=local(2026, 11, 25))
    lines = station_work(user=world.commander_a, station=world.station_a, today=date(2026, 11, 30))
    by_name = {line.member.full_name: line for line in lines}
    assert set(by_name) == {"Nguyễn Thiên Phú", "Lê Văn Hai"}
    assert [line.member.full_name for line in lines] == ["Nguyễn Thiên Phú", "Lê Văn Hai"]  # overdue first
    assert len(by_name["Nguyễn Thiên Phú"].due) == 1
    assert by_name["Lê Văn Hai"].due == []
    assert by_name["Lê Văn Hai"].households == 1


def test_another_stations_commander_gets_nothing_of_station_a(world):
    assert station_work(user=world.commander_b, station=world.station_a, today=date(2026, 11, 30)) == []


def test_coverage_finds_the_gaps(world):
    orphan = HouseholdFactory(head_name="Hộ Chưa Phân Công", hamlet=world.hamlet_a, station=world.station_a)
    type(orphan).objects.filter(pk=orphan.pk).update(created_at=local(2026, 11, 30, 8))  # registered "today"
    idle = MemberFactory(full_name="Đinh Văn Rảnh", unit=world.station_a)
    VisitFactory(household=world.household_a2, visited_at=local(2026, 11, 25))
    report = coverage(user=world.commander_a, station=world.station_a, today=date(2026, 11, 30))
    assert report.households_total == 3
    assert report.households_without_member == [orphan]
    assert report.members_without_household == [idle]
    assert [item.household for item in report.not_visited_in_cadence] == [world.household_a]
    assert report.not_visited_in_cadence[0].member == world.member_a
    assert report.within_cadence == 2  # household_a2 visited, the orphan registered today
    assert report.percent_within_cadence == 67
