"""What the tests on the loaded demo share."""

from django.http import HttpRequest
from django.test import RequestFactory

from longdan.accounts.models import User
from longdan.assignments.models import AssignmentRole, HouseholdAssignment
from longdan.people.models import Member

from ... import seed_case

PASSWORD = "longdan-demo"
STATION_CODES = [spec.code for spec in seed_case.STATIONS]


def user(username: str) -> User:
    # A fresh object each time: the scope is cached on the user instance.
    return User.objects.get(username=username)


def login_request() -> HttpRequest:
    # The lock-out backend (django-axes) counts attempts per request, so authenticate() needs one.
    return RequestFactory().post("/login/")


def households_of(member: Member) -> set[int]:
    return set(
        HouseholdAssignment.objects.filter(
            member=member, role=AssignmentRole.PRIMARY, end_date__isnull=True
        ).values_list("household_id", flat=True)
    )
