"""Members: the ones the user may see (Member.objects.visible_to), and one member."""

from typing import Any

from django.http import HttpRequest
from ninja import Router
from ninja.pagination import PageNumberPagination, paginate

from longdan.people.models import Member
from longdan.people.selectors import get_member_for_user

from ..schemas import MemberOut

router = Router(tags=["members"])

PAGE_SIZE = 50


@router.get("/members", response=list[MemberOut])
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def member_list_api(request: HttpRequest, search: str = "") -> Any:
    """Members the user may see, in Vietnamese name order; `search` ignores diacritics."""
    members = Member.objects.visible_to(request.user)
    if search:
        members = members.search(search)
    return members.select_related("unit").order_by("name_sort", "pk")


@router.get("/members/{int:member_id}", response=MemberOut)
def member_detail_api(request: HttpRequest, member_id: int) -> Any:
    return get_member_for_user(request.user, member_id)
