"""Unit admin: a unit added here gets its place in the tree from the service."""

import pytest
from django.test import Client
from django.urls import reverse

from longdan.org.models import Unit, UnitKind
from longdan.testing.fixtures import World


@pytest.fixture
def admin_client_(world: World, client: Client) -> Client:
    # The suite's `client`, whose force_login also passes the second factor administrators owe.
    client.force_login(world.admin_user)
    return client


def _add_unit(client: Client, **data: object) -> object:
    return client.post(
        reverse("admin:org_unit_add"),
        {
            "code": "DBP-TD",
            "name": "Đồn Biên phòng Trần Đề",
            "kind": UnitKind.STATION,
            **data,
            "area_links-TOTAL_FORMS": "0",
            "area_links-INITIAL_FORMS": "0",
        },
    )


def test_a_unit_added_in_the_admin_gets_its_path(world: World, admin_client_: Client) -> None:
    response = _add_unit(admin_client_, parent=world.command.pk)
    assert response.status_code == 302
    unit = Unit.objects.get(code="DBP-TD")
    assert unit.path == f"{world.command.path}{unit.pk}/"


def test_a_station_under_another_station_is_refused_on_the_form(world: World, admin_client_: Client) -> None:
    response = _add_unit(admin_client_, parent=world.station_a.pk)
    assert response.status_code == 200
    assert "parent" in response.context["adminform"].form.errors
    assert not Unit.objects.filter(code="DBP-TD").exists()


def test_a_units_kind_and_parent_cannot_be_edited(world: World, admin_client_: Client) -> None:
    url = reverse("admin:org_unit_change", args=[world.station_a.pk])
    response = admin_client_.get(url)
    assert {"kind", "parent", "path"} <= set(response.context["adminform"].readonly_fields)
