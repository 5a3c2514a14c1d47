"""Member pages."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from longdan.households.selectors import households_of_member

from .selectors import get_member_for_user


@login_required
def member_detail(request: HttpRequest, pk: int) -> HttpResponse:
    member = get_member_for_user(request.user, pk)
    households = households_of_member(member, user=request.user)
    return render(request, "people/member_detail.html", {"member": member, "households": households})
