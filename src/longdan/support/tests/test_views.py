"""Support pages: the events list and an event, recording an event or a benefit, a loan's steps; 404 elsewhere."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from longdan.support.models import Benefit, LoanStatus, ProgramKind, SupportEvent, SupportProgram
from longdan.support.services import benefit_record, support_event_record

pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)
    return client


def program(kind):
    return SupportProgram.objects.filter(kind=kind).first()


def camp(world, station=None, **overrides):
    station = station or world.station_a
    arguments = {
        "acting_user": world.commander_a if station == world.station_a else world.commander_b,
        "program": program(ProgramKind.MEDICAL),
        "station": station,
        "title": "Khám bệnh cấp thuốc miễn phí",
        "held_on": date(2026, 3, 8),
        "hamlet": world.hamlet_a if station == world.station_a else world.hamlet_b,
        "people_served": 120,
        "medicine_value": 15_000_000,
    }
    arguments.update(overrides)
    return support_event_record(**arguments)


def loan(world, household=None, amount=30_000_000):
    return benefit_record(
        acting_user=world.member_user,
        program=program(ProgramKind.LOAN),
        household=household or world.household_a,
        given_on=date(2026, 3, 1),
        loan_amount=amount,
        description="Vay vốn buôn bán nhỏ",
    )


class TestEvents:
    def test_the_station_sees_its_events_with_amounts_in_dong(self, client, world):
        event = camp(world)
        response = login(client, world.commander_a).get(reverse("support-event-list"))
        assert response.status_code == 200
        assert event.get_absolute_url() in response.text
        assert "15.000.000 ₫" in response.text

    def test_a_member_sees_his_stations_events(self, client, world):
        event = camp(world)
        assert (
            event.get_absolute_url()
            in login(client, world.member_user).get(reverse("support-event-list")).text
        )

    @pytest.mark.parametrize("who", ["commander_b", "liaison_b"])
    def test_another_station_does_not_see_them(self, client, world, who):
        event = camp(world)
        login(client, getattr(world, who))
        assert event.get_absolute_url() not in client.get(reverse("support-event-list")).text
        assert client.get(event.get_absolute_url()).status_code == 404

    def test_a_member_of_another_station_gets_404(self, client, world, member_b_user):
        event = camp(world)
        assert login(client, member_b_user).get(event.get_absolute_url()).status_code == 404

    def test_it_filters_by_program(self, client, world):
        medical = camp(world)
        gifts = camp(world, program=program(ProgramKind.GIFT), title="Tặng quà Tết")
        page = login(client, world.commander_a).get(
            reverse("support-event-list") + f"?program={program(ProgramKind.GIFT).pk}"
        )
        assert gifts.get_absolute_url() in page.text and medical.get_absolute_url() not in page.text

    def test_it_requires_login(self, client, world):
        assert client.get(reverse("support-event-list")).status_code == 302
        assert client.get(camp(world).get_absolute_url()).status_code == 302

    def test_the_detail_lists_only_benefits_of_households_one_may_see(self, client, world, member_b_user):
        event = camp(world)
        benefit_record(
            acting_user=world.commander_a,
            program=event.program,
            household=world.household_a,
            given_on=event.held_on,
            value=200_000,
            event=event,
        )
        benefit_record(
            acting_user=world.commander_a,
            program=event.program,
            household=world.household_a2,
            given_on=event.held_on,
            value=300_000,
            event=event,
        )
        command = login(client, world.commander_a).get(event.get_absolute_url()).text
        assert "Thạch Thị Sà Vọng" in command and "Lâm Văn Sơn" in command and "500.000 ₫" in command
        member = login(client, world.member_user).get(event.get_absolute_url()).text
        assert "Thạch Thị Sà Vọng" in member and "Lâm Văn Sơn" not in member

    def test_the_command_records_a_medical_camp(self, client, world):
        response = login(client, world.commander_a).post(
            reverse("support-event-new"),
            {
                "program": program(ProgramKind.MEDICAL).pk,
                "held_on": "08/03/2026",
                "station": world.station_a.pk,
                "hamlet": world.hamlet_a.pk,
                "place": "Nhà văn hóa ấp",
                "people_served": "150",
                "medicine_value": "12.500.000",
            },
        )
        event = SupportEvent.objects.get()
        assert response.status_code == 302 and response.url == event.get_absolute_url()
        assert (event.medicine_value, event.people_served, event.station) == (
            12_500_000,
            150,
            world.station_a,
        )
        assert world.hamlet_a.name in event.title

    def test_a_field_member_cannot_record_an_event(self, client, world):
        assert login(client, world.member_user).get(reverse("support-event-new")).status_code == 403

    def test_the_command_cannot_record_for_another_station(self, client, world):
        response = login(client, world.commander_a).post(
            reverse("support-event-new"),
            {
                "program": program(ProgramKind.MEDICAL).pk,
                "held_on": "2026-03-08",
                "station": world.station_b.pk,
                "people_served": "1",
                "medicine_value": "0",
            },
        )
        assert response.status_code == 400
        assert not SupportEvent.objects.exists()

    def test_the_list_reads_a_fixed_number_of_queries(self, client, world):
        camp(world)
        login(client, world.commander_a)
        few = _count(client, reverse("support-event-list"))
        for index in range(30):
            camp(world, held_on=date(2026, 1, 1) + timedelta(days=index), hamlet=None, place=f"Điểm {index}")
        assert _count(client, reverse("support-event-list")) == few
        assert few <= 12  # 9 (tips) and 10 (support) when recorded


def _count(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


class TestBenefitList:
    def test_it_lists_the_support_given_with_its_totals(self, client, world):
        gift = benefit_record(
            acting_user=world.member_user,
            program=program(ProgramKind.GIFT),
            household=world.household_a,
            given_on=date(2026, 3, 2),
            value=500_000,
            description="Quà Tết",
        )
        advised = loan(world)
        response = login(client, world.commander_a).get(reverse("benefit-list"))
        assert response.status_code == 200
        assert {b.pk for b in response.context["page"].object_list} == {gift.pk, advised.pk}
        assert response.context["totals"] == {"count": 2, "value": 500_000, "loans": 30_000_000}
        assert "500.000 ₫" in response.text and gift.get_absolute_url() in response.text

    def test_it_filters_by_loan_state(self, client, world):
        advised = loan(world)
        benefit_record(
            acting_user=world.member_user,
            program=program(ProgramKind.GIFT),
            household=world.household_a,
            given_on=date(2026, 3, 2),
            value=500_000,
        )
        client = login(client, world.commander_a)
        loans = client.get(reverse("benefit-list"), {"loan": LoanStatus.ADVISED})
        assert [b.pk for b in loans.context["page"].object_list] == [advised.pk]
        gifts = client.get(reverse("benefit-list"), {"loan": "none"})
        assert advised.pk not in {b.pk for b in gifts.context["page"].object_list}
        assert gifts.context["totals"]["count"] == 1

    @pytest.mark.parametrize("who", ["commander_b", "liaison_b"])
    def test_another_station_does_not_see_them(self, client, world, who):
        loan(world)
        response = login(client, getattr(world, who)).get(reverse("benefit-list"))
        assert response.context["totals"]["count"] == 0

    def test_it_requires_login(self, client, world):
        assert client.get(reverse("benefit-list")).status_code == 302


class TestBenefits:
    def url(self, household):
        return reverse("benefit-new") + f"?household={household.pk}"

    def test_a_member_records_a_loan_for_his_household(self, client, world):
        response = login(client, world.member_user).post(
            self.url(world.household_a),
            {
                "program": program(ProgramKind.LOAN).pk,
                "given_on": timezone.localdate().isoformat(),
                "value": "0",
                "loan_amount": "30.000.000",
                "description": "Vay vốn buôn bán nhỏ",
            },
            follow=True,
        )
        benefit = Benefit.objects.get()
        assert (benefit.loan_amount, benefit.loan_status) == (30_000_000, LoanStatus.ADVISED)
        assert response.redirect_chain[-1][0] == benefit.get_absolute_url()
        assert f'id="benefit-{benefit.pk}"' in response.text
        assert "30.000.000 ₫" in response.text

    def test_a_loan_needs_its_amount(self, client, world):
        response = login(client, world.member_user).post(
            self.url(world.household_a),
            {
                "program": program(ProgramKind.LOAN).pk,
                "given_on": timezone.localdate().isoformat(),
                "value": "0",
            },
        )
        assert response.status_code == 400
        assert "Enter the loan amount" in response.text

    def test_a_gift_to_one_resident(self, client, world):
        from longdan.households.services import resident_add

        pupil = resident_add(
            household=world.household_a, full_name="Thạch Văn Em", relation="child", sex="male"
        )
        login(client, world.member_user).post(
            self.url(world.household_a),
            {
                "program": program(ProgramKind.SCHOLARSHIP).pk,
                "given_on": timezone.localdate().isoformat(),
                "value": "500000",
                "resident": pupil.pk,
            },
        )
        assert Benefit.objects.get().resident == pupil

    @pytest.mark.parametrize("who", ["member_user", "commander_b", "liaison_b"])
    def test_another_stations_household_is_404(self, client, world, who):
        household = world.household_b if who == "member_user" else world.household_a
        assert login(client, getattr(world, who)).get(self.url(household)).status_code == 404

    def test_it_requires_login(self, client, world):
        assert client.get(self.url(world.household_a)).status_code == 302


class TestLoanSteps:
    def test_the_card_offers_the_next_steps_and_a_step_moves_the_loan(self, client, world):
        benefit = loan(world)
        login(client, world.member_user)
        card = client.get(world.household_a.get_absolute_url()).text
        assert reverse("benefit-loan-advance", args=[benefit.pk]) in card
        assert 'value="applied"' in card and 'value="disbursed"' not in card
        response = client.post(
            reverse("benefit-loan-advance", args=[benefit.pk]), {"to_status": "applied"}, follow=True
        )
        benefit.refresh_from_db()
        assert benefit.loan_status == LoanStatus.APPLIED
        assert 'value="approved"' in response.text

    def test_a_step_out_of_order_changes_nothing(self, client, world):
        benefit = loan(world)
        response = login(client, world.member_user).post(
            reverse("benefit-loan-advance", args=[benefit.pk]), {"to_status": "disbursed"}, follow=True
        )
        benefit.refresh_from_db()
        assert benefit.loan_status == LoanStatus.ADVISED
        assert "cannot move to that step" in response.text

    @pytest.mark.parametrize("who", ["commander_b", "liaison_b"])
    def test_another_station_gets_404(self, client, world, who):
        benefit = loan(world)
        response = login(client, getattr(world, who)).post(
            reverse("benefit-loan-advance", args=[benefit.pk]), {"to_status": "applied"}
        )
        assert response.status_code == 404
        benefit.refresh_from_db()
        assert benefit.loan_status == LoanStatus.ADVISED

    def test_a_member_of_another_station_gets_404(self, client, world, member_b_user):
        benefit = loan(world)
        response = login(client, member_b_user).post(
            reverse("benefit-loan-advance", args=[benefit.pk]), {"to_status": "applied"}
        )
        assert response.status_code == 404

    def test_a_get_is_refused(self, client, world):
        benefit = loan(world)
        response = login(client, world.member_user).get(reverse("benefit-loan-advance", args=[benefit.pk]))
        assert response.status_code == 405
