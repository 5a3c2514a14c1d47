"""The admin site as a whole: every registered model's pages open, only staff get in, scoping holds there too."""

from datetime import date
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.db import models
from django.db.models import Q
from django.test import Client
from django.urls import reverse

from longdan.core.admin import folded_search_condition
from longdan.testing.fixtures import World

REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label_lower)


def _url(model: type[models.Model], view: str, *args: Any) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def admin_client_(world: World, client: Client) -> Client:
    # The suite's `client`, whose force_login also passes the second factor administrators owe.
    client.force_login(world.admin_user)
    return client


@pytest.fixture
def full_world(world: World) -> World:
    """The world plus one row of the models it leaves empty, so every change page has something to open."""
    from longdan.assignments.services import cell_join
    from longdan.households.services import poverty_assessment_record, resident_add
    from longdan.org.models import CellKind
    from longdan.org.services import party_cell_create

    cell = party_cell_create(
        name="Chi bộ ấp Âu Thọ A", kind=CellKind.HAMLET, hamlet=world.hamlet_a, secretary_name="Lý Văn Sang"
    )
    cell_join(member=world.member_a, cell=cell)
    resident_add(household=world.household_a, full_name="Thạch Sa Rinh", sex="male", relation="child")
    poverty_assessment_record(
        household=world.household_a,
        assessed_on=date(2024, 5, 1),
        income_per_head=1_200_000,
        deprivations=["lacks_clean_water", "lacks_sanitation", "lacks_telecom"],
    )
    return world


@pytest.mark.parametrize(
    ("model", "model_admin"), REGISTERED, ids=[model._meta.label_lower for model, _ in REGISTERED]
)
def test_every_admin_page_opens(
    full_world: World, admin_client_: Client, rf: Any, model: type[models.Model], model_admin: Any
) -> None:
    assert admin_client_.get(_url(model, "changelist")).status_code == 200
    request = rf.get("/")
    request.user = full_world.admin_user
    add_status = admin_client_.get(_url(model, "add")).status_code
    # Admins that only show history or official data refuse adding; the rest must open the form.
    assert add_status == (200 if model_admin.has_add_permission(request) else 403)
    obj = model_admin.get_queryset(request).first()
    if obj is not None:
        assert admin_client_.get(_url(model, "change", obj.pk)).status_code == 200


def test_every_project_model_is_registered() -> None:
    from django.apps import apps

    project_models = [
        model
        for model in apps.get_models()
        if model.__module__.startswith(
            tuple(f"longdan.{app}." for app in ("accounts", "org", "people", "households", "assignments"))
        )
    ]
    assert project_models
    assert [m._meta.label for m in project_models if not admin.site.is_registered(m)] == []


def test_the_site_is_titled_in_vietnamese(admin_client_: Client) -> None:
    response = admin_client_.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="vi")
    assert "Lòng Dân — quản trị" in response.content.decode()


@pytest.mark.parametrize("path", ["admin:index", "admin:households_household_changelist"])
def test_a_user_who_is_not_staff_is_sent_to_the_admin_login(world: World, client: Client, path: str) -> None:
    client.force_login(world.commander_a)
    response = client.get(reverse(path))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_a_staff_commander_sees_only_the_households_of_their_station(world: World, client: Client) -> None:
    world.commander_a.is_staff = True
    world.commander_a.save()
    world.commander_a.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_household", "change_household"])
    )
    client.force_login(world.commander_a)
    from longdan.households.models import Household

    response = client.get(_url(Household, "changelist"))
    assert set(response.context["cl"].result_list) == {world.household_a, world.household_a2}
    # Another station's household is "not found" there, as on the pages.
    response = client.get(_url(Household, "change", world.household_b.pk))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_a_staff_commander_does_not_see_unscoped_records(world: World, client: Client) -> None:
    """Accounts have no `visible_to`: only users who see everything may list them."""
    world.commander_a.is_staff = True
    world.commander_a.save()
    world.commander_a.user_permissions.add(Permission.objects.get(codename="view_user"))
    client.force_login(world.commander_a)
    from longdan.accounts.models import User

    response = client.get(_url(User, "changelist"))
    assert list(response.context["cl"].result_list) == []


def test_the_folded_condition_needs_every_word_in_some_folded_column() -> None:
    fields = ["name_folded", "household__name_folded"]
    either = Q(name_folded__contains="sa") | Q(household__name_folded__contains="sa")
    assert folded_search_condition(fields, "Sà  VỌNG") == either & (
        Q(name_folded__contains="vong") | Q(household__name_folded__contains="vong")
    )
    assert folded_search_condition(["name_folded"], '"sà vọng"') == Q(name_folded__contains="sa vong")
    assert folded_search_condition(["name_folded"], "   ") is None
