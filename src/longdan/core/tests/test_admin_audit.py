"""What the admin writes itself — an edit no service handles, an inline row, a delete — leaves one audit row."""

from typing import Any

import pytest
from django.db import models
from django.test import Client
from django.urls import reverse

from longdan.audit.models import AuditAction, AuditEntry
from longdan.audit.services import snapshot
from longdan.cases.models import Category, CategoryDeadline
from longdan.org.models import UnitArea
from longdan.testing.factories import CommuneFactory
from longdan.testing.fixtures import World


@pytest.fixture
def admin_client_(world: World, client: Client) -> Client:
    # The suite's `client`, whose force_login also passes the second factor administrators owe.
    client.force_login(world.admin_user)
    return client


def _url(obj: models.Model | type[models.Model], view: str, *args: Any) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_{view}", args=args)


def _form_data(response: Any) -> dict[str, Any]:
    """What the change page would post back untouched: the main form and every inline formset."""
    data: dict[str, Any] = {}

    def add(form: Any) -> None:
        for name in form.fields:
            value = form[name].value()
            if value is None:
                continue
            key = form.add_prefix(name)
            if isinstance(value, (list, tuple)):
                data[key] = [str(v) for v in value]
            elif isinstance(value, bool):
                if value:
                    data[key] = "on"
            else:
                data[key] = str(getattr(value, "pk", value))

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        for form in formset.forms:
            add(form)
    return data


def _rows(obj: models.Model) -> list[AuditEntry]:
    return list(AuditEntry.objects.for_object(obj))


def test_an_edit_without_a_service_leaves_one_update_row_by_the_administrator(world: World, admin_client_):
    station = world.station_a
    url = _url(station, "change", station.pk)
    data = _form_data(admin_client_.get(url))
    data["name"] = "Đồn Biên phòng Vĩnh Hải (mới)"
    before = len(_rows(station))

    assert admin_client_.post(url, data).status_code == 302

    rows = _rows(station)
    assert len(rows) == before + 1
    row = max(rows, key=lambda r: r.pk)
    assert row.action == AuditAction.UPDATE and row.actor == world.admin_user
    assert row.changes["before"]["name"] == "Đồn Biên phòng Vĩnh Hải"
    assert row.changes["after"]["name"] == "Đồn Biên phòng Vĩnh Hải (mới)"


def test_saving_unchanged_leaves_no_row(world: World, admin_client_):
    station = world.station_a
    url = _url(station, "change", station.pk)
    data = _form_data(admin_client_.get(url))
    count = AuditEntry.objects.count()
    assert admin_client_.post(url, data).status_code == 302
    assert AuditEntry.objects.count() == count


def test_a_commune_added_on_the_units_page_leaves_one_create_row(world: World, admin_client_):
    station = world.station_a
    url = _url(station, "change", station.pk)
    data = _form_data(admin_client_.get(url))
    commune = CommuneFactory(name="Xã Vĩnh Hiệp", parent=world.province)
    total = int(data["area_links-TOTAL_FORMS"])
    data["area_links-TOTAL_FORMS"] = str(total + 1)
    data[f"area_links-{total}-commune"] = str(commune.pk)
    data[f"area_links-{total}-unit"] = str(station.pk)

    response = admin_client_.post(url, data)

    assert response.status_code == 302, (
        response.context and response.context["inline_admin_formsets"][0].formset.errors
    )
    area = UnitArea.objects.get(unit=station, commune=commune)
    [row] = _rows(area)
    assert row.action == AuditAction.CREATE and row.actor == world.admin_user


def test_a_delete_in_the_admin_leaves_one_delete_row_with_what_was_there(world: World, admin_client_):
    deadline = CategoryDeadline.objects.create(station=world.station_a, category=Category.LAND, days=20)
    pk = deadline.pk
    response = admin_client_.post(_url(deadline, "delete", pk), {"post": "yes"})
    assert response.status_code == 302
    [row] = AuditEntry.objects.filter(
        action=AuditAction.DELETE, object_id=str(pk), object_type="cases.categorydeadline"
    )
    assert row.changes["before"]["days"] == 20 and row.actor == world.admin_user


def test_a_snapshot_never_carries_a_password_hash_or_an_encrypted_field(world: World):
    from longdan.intel.models import Tip

    assert "password" not in snapshot(world.member_user)
    assert "source" not in snapshot(Tip(source='{"household_id": 1}'))
