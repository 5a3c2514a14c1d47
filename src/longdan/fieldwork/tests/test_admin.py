"""The admin shows field work, scoped, and does not edit recorded events."""

import pytest
from django.urls import reverse

from longdan.testing.factories import VisitFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["visit", "cellmeeting", "topic", "visitcadence"])
def test_the_changelists_open_for_the_administrator(client, world, model):
    VisitFactory(household=world.household_a, members=[world.member_a])
    client.force_login(world.admin_user)
    assert client.get(reverse(f"admin:fieldwork_{model}_changelist")).status_code == 200


def test_a_visit_is_read_only(client, world):
    visit = VisitFactory(household=world.household_a, members=[world.member_a])
    client.force_login(world.admin_user)
    response = client.get(reverse("admin:fieldwork_visit_change", args=[visit.pk]))
    assert response.status_code == 200
    assert b'name="_save"' not in response.content
    assert client.get(reverse("admin:fieldwork_visit_add")).status_code == 403
