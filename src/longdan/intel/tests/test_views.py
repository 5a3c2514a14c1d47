"""Tip pages: record from a household, the command's list, opening with a reason, the steps; and who gets 404."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from longdan.audit.models import AuditAction, AuditEntry
from longdan.intel.models import Tip, TipStatus
from longdan.intel.services import tip_assess, tip_pass_to_team, tip_record

pytestmark = pytest.mark.django_db

CONTENT = "Ghe lạ neo ở cửa biển lúc 2 giờ sáng"
SOURCE_NOTE = "gặp tại nhà, sau bữa cơm"


def login(client, user):
    client.force_login(user)
    return client


def reads(tip):
    return AuditEntry.objects.filter(action=AuditAction.READ, object_type="intel.tip", object_id=str(tip.pk))


def open_tip(client, tip, reason="Chuẩn bị xác minh"):
    return client.post(reverse("tip-detail", args=[tip.pk]), {"reason": reason})


class TestRecord:
    def url(self, world, household=None):
        return reverse("tip-new") + f"?household={(household or world.household_a).pk}"

    def test_it_is_prefilled_from_the_household(self, client, world):
        response = login(client, world.member_user).get(self.url(world))
        assert response.status_code == 200
        assert "Thạch Thị Sà Vọng" in response.text

    def test_it_records_a_tip_and_confirms(self, client, world):
        response = login(client, world.member_user).post(
            self.url(world),
            {
                "category": "drugs",
                "urgency": "urgent",
                "content": "Có người lạ giao hàng ban đêm",
                "received_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
                "credibility": "possible",
                "source_note": "",
            },
            follow=True,
        )
        tip = Tip.objects.get()
        assert (tip.category, tip.urgency, tip.recorded_by) == ("drugs", "urgent", world.member_user)
        assert response.redirect_chain[-1][0] == world.household_a.get_absolute_url()
        assert "The tip was recorded" in response.text

    def test_a_missing_content_is_shown_on_the_form(self, client, world):
        response = login(client, world.member_user).post(
            self.url(world), {"category": "drugs", "urgency": "routine", "content": ""}
        )
        assert response.status_code == 400
        assert not Tip.objects.exists()

    def test_it_requires_login(self, client, world):
        response = client.get(self.url(world))
        assert response.status_code == 302
        assert reverse("login") in response.url

    @pytest.mark.parametrize("who", ["member_user", "commander_a"])
    def test_another_stations_household_is_404(self, client, world, who):
        response = login(client, getattr(world, who)).get(self.url(world, world.household_b))
        assert response.status_code == 404

    def test_without_a_household_a_member_chooses_one_of_his(self, client, world):
        response = login(client, world.member_user).get(reverse("tip-new"))
        assert response.status_code == 200
        assert f"?household={world.household_a.pk}" in response.text
        assert f"?household={world.household_a2.pk}" not in response.text


class TestList:
    def test_the_command_sees_category_status_station_never_content_or_source(self, client, world, tip):
        response = login(client, world.commander_a).get(reverse("tip-list"))
        assert response.status_code == 200
        assert tip.get_absolute_url() in response.text
        assert "Smuggling" in response.text and "Đồn Biên phòng Vĩnh Hải" in response.text
        assert CONTENT not in response.text
        assert "Sà Vọng" not in response.text and SOURCE_NOTE not in response.text

    def test_it_filters_by_status_category_and_urgency(self, client, world, tip):
        other = tip_record(
            acting_user=world.member_user,
            household=world.household_a,
            category="drugs",
            content="x",
            urgency="urgent",
        )
        login(client, world.commander_a)
        assert other.get_absolute_url() not in client.get(reverse("tip-list") + "?category=smuggling").text
        page = client.get(reverse("tip-list") + "?urgency=urgent").text
        assert other.get_absolute_url() in page and tip.get_absolute_url() not in page
        assert tip.get_absolute_url() not in client.get(reverse("tip-list") + "?status=passed").text

    def test_htmx_gets_the_results_alone(self, client, world, tip):
        response = login(client, world.commander_a).get(reverse("tip-list"), headers={"hx-request": "true"})
        assert "<html" not in response.text and tip.get_absolute_url() in response.text

    @pytest.mark.parametrize("who", ["commander_b", "liaison_a", "liaison_b", "province_user"])
    def test_others_see_no_tip(self, client, world, tip, who):
        response = login(client, getattr(world, who)).get(reverse("tip-list"))
        assert response.status_code == 200
        assert tip.get_absolute_url() not in response.text

    def test_a_member_without_the_tip_right_sees_no_tip(self, client, world, tip, other_member_user):
        response = login(client, other_member_user).get(reverse("tip-list"))
        assert tip.get_absolute_url() not in response.text
        assert "0 tips" in response.text

    def test_the_tab_shows_only_for_the_command_and_teams(self, client, world, tip, team_lead):
        assert reverse("tip-list") in login(client, world.commander_a).get(reverse("home")).text
        assert reverse("tip-list") in login(client, team_lead).get(reverse("home")).text
        assert reverse("tip-list") not in login(client, world.member_user).get(reverse("home")).text
        assert reverse("tip-list") not in login(client, world.liaison_a).get(reverse("home")).text

    def test_it_reads_a_fixed_number_of_queries(self, client, world, tip):
        login(client, world.commander_a)
        few = _count(client, reverse("tip-list"))
        for index in range(40):
            tip_record(
                acting_user=world.member_user,
                household=world.household_a,
                category="drugs",
                content=f"tin {index}",
                received_at=timezone.now() - timedelta(hours=index),
            )
        assert _count(client, reverse("tip-list")) == few
        assert few <= 12  # 9 (tips) and 10 (support) when recorded


def _count(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


class TestOpen:
    def test_a_get_asks_for_the_reason_and_shows_no_content(self, client, world, tip):
        response = login(client, world.commander_a).get(tip.get_absolute_url())
        assert response.status_code == 200
        assert 'name="reason"' in response.text
        assert CONTENT not in response.text and "Sà Vọng" not in response.text
        assert not reads(tip).exists()

    def test_opening_writes_one_audit_read_row_with_the_reason(self, client, world, tip):
        response = open_tip(login(client, world.commander_a), tip, reason="Chuẩn bị xác minh")
        assert response.status_code == 200
        assert CONTENT in response.text
        assert "Thạch Thị Sà Vọng" in response.text and SOURCE_NOTE in response.text
        read = reads(tip).get()
        assert (read.reason, read.actor) == ("Chuẩn bị xác minh", world.commander_a)

    def test_a_reason_is_required(self, client, world, tip):
        response = open_tip(login(client, world.commander_a), tip, reason="   ")
        assert response.status_code == 400
        assert CONTENT not in response.text
        assert not reads(tip).exists()

    def test_the_recorder_opens_his_own_tip_but_takes_no_step(self, client, world, tip):
        response = open_tip(login(client, world.member_user), tip)
        assert CONTENT in response.text
        assert reverse("tip-pass", args=[tip.pk]) not in response.text
        assert reads(tip).get().actor == world.member_user

    @pytest.mark.parametrize("who", ["commander_b", "liaison_a", "liaison_b", "province_user"])
    def test_others_get_404(self, client, world, tip, who):
        login(client, getattr(world, who))
        assert client.get(tip.get_absolute_url()).status_code == 404
        assert open_tip(client, tip).status_code == 404
        assert not reads(tip).exists()

    def test_a_member_without_the_tip_right_gets_404(
        self, client, world, tip, other_member_user, member_b_user
    ):
        for user in (other_member_user, member_b_user):
            login(client, user)
            assert client.get(tip.get_absolute_url()).status_code == 404
            assert open_tip(client, tip).status_code == 404
        assert not reads(tip).exists()

    def test_it_requires_login(self, client, tip):
        assert client.get(tip.get_absolute_url()).status_code == 302


class TestSteps:
    def test_the_command_passes_the_tip_to_a_team(self, client, world, tip, team):
        response = login(client, world.commander_a).post(
            reverse("tip-pass", args=[tip.pk]),
            {"pass-reason": "Giao xác minh", "pass-team": team.pk, "pass-note": "Khẩn"},
        )
        assert response.status_code == 200
        tip.refresh_from_db()
        assert (tip.status, tip.receiving_team) == (TipStatus.PASSED, team)
        # The page after the step shows the tip again: a read, logged with the opening's reason.
        assert reads(tip).get().reason == "Giao xác minh"
        assert CONTENT in response.text

    def test_the_opened_page_offers_only_the_step_allowed_now(self, client, world, tip, team):
        response = open_tip(login(client, world.commander_a), tip)
        assert reverse("tip-pass", args=[tip.pk]) in response.text
        assert reverse("tip-assess", args=[tip.pk]) not in response.text

    def test_the_team_assesses_and_records_the_outcome(self, client, world, tip, team, team_lead):
        tip_pass_to_team(tip=tip, acting_user=world.commander_a, team=team)
        login(client, team_lead)
        client.post(
            reverse("tip-assess", args=[tip.pk]),
            {"assess-reason": "Xác minh", "assess-verified": "yes", "assess-credibility": "probable"},
        )
        tip.refresh_from_db()
        assert (tip.status, tip.credibility) == (TipStatus.VERIFIED, "probable")
        client.post(
            reverse("tip-act", args=[tip.pk]),
            {"act-reason": "Xác minh", "act-outcome": "Phối hợp bắt giữ, thu 2 tấn đường"},
        )
        tip.refresh_from_db()
        assert tip.status == TipStatus.ACTED_ON and "2 tấn" in tip.outcome

    def test_a_member_cannot_pass_a_tip(self, client, world, tip, team):
        response = login(client, world.member_user).post(
            reverse("tip-pass", args=[tip.pk]), {"pass-reason": "x", "pass-team": team.pk}
        )
        assert response.status_code == 403
        tip.refresh_from_db()
        assert tip.status == TipStatus.RECEIVED

    def test_a_step_out_of_order_shows_the_error_and_changes_nothing(self, client, world, tip, team):
        tip_pass_to_team(tip=tip, acting_user=world.commander_a, team=team)
        tip_assess(tip=tip, acting_user=world.commander_a, verified=False, credibility="doubtful")
        response = login(client, world.commander_a).post(
            reverse("tip-act", args=[tip.pk]), {"act-reason": "x", "act-outcome": "y"}
        )
        assert response.status_code == 400
        tip.refresh_from_db()
        assert tip.status == TipStatus.NOT_VERIFIED

    def test_another_station_gets_404(self, client, world, tip, team):
        response = login(client, world.commander_b).post(
            reverse("tip-pass", args=[tip.pk]), {"pass-reason": "x", "pass-team": team.pk}
        )
        assert response.status_code == 404

    def test_a_step_without_the_reason_goes_back_to_the_reason_form(self, client, world, tip, team):
        response = login(client, world.commander_a).post(
            reverse("tip-pass", args=[tip.pk]), {"pass-team": team.pk}
        )
        assert response.status_code == 302 and response.url == tip.get_absolute_url()
        tip.refresh_from_db()
        assert tip.status == TipStatus.RECEIVED
