"""`longdan demo` run again changes nothing; `--reset` loads the same demo, its year included."""

from io import StringIO
from typing import Any

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from longdan.accounts.models import RoleGrant, User
from longdan.cases.models import Case, CaseEvent
from longdan.fieldwork.models import CellMeeting, Visit
from longdan.households.models import Household
from longdan.intel.models import Tip
from longdan.org.models import Unit
from longdan.people.models import Member
from longdan.support.models import Benefit

from ... import seed_case
from ...selectors import demo_is_loaded
from .helpers import PASSWORD, login_request, user

pytestmark = pytest.mark.django_db


# Running it again ---------------------------------------------------------------------------


def counts() -> tuple[int, ...]:
    models = (Member, Household, Unit, User, Visit, Case, CaseEvent, Tip, Benefit, CellMeeting)
    return tuple(model.objects.count() for model in models)


def test_running_it_again_changes_nothing_and_still_prints_the_logins():
    before = counts()
    out = StringIO()
    call_command("demo", stdout=out)
    assert counts() == before
    assert "demo-member" in out.getvalue() and PASSWORD in out.getvalue()


def the_year() -> tuple[Any, ...]:
    """What the year's activity looks like, without ids (a reset makes new rows)."""
    return (
        sorted(Visit.objects.values_list("household__code", "visited_at", "kind", "aspirations")),
        sorted(Case.objects.values_list("title", "received_on", "state", "household__code", "hamlet__name")),
        sorted(Tip.objects.values_list("received_at", "status")),
        sorted(Benefit.objects.values_list("household__code", "given_on", "value", "loan_status")),
        sorted(CellMeeting.objects.values_list("cell__name", "held_on")),
    )


def test_reset_loads_the_same_demo_again():
    heads = sorted(Household.objects.values_list("code", "head_name"))
    year = the_year()
    users = User.objects.count()
    admin_pk = user("demo-admin").pk
    call_command("demo", "--reset", stdout=StringIO())
    assert demo_is_loaded()
    assert sorted(Household.objects.values_list("code", "head_name")) == heads
    assert the_year() == year
    assert User.objects.count() == users  # every account kept, and taken over again
    assert Member.objects.count() == 75
    # The accounts are kept (the audit trail may point at them) and granted again.
    assert user("demo-admin").pk == admin_pk
    assert authenticate(login_request(), username="demo-member", password=PASSWORD) is not None
    assert RoleGrant.objects.filter(user__username__in=seed_case.USERNAMES).count() == 6
