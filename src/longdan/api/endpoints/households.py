"""Households: the list, the card, and a household's visits — through households' and fieldwork's selectors."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from longdan.fieldwork.selectors import household_visits
from longdan.households.poverty import PovertyCategory
from longdan.households.selectors import HouseholdCard, get_household_for_user, household_card, household_list

from ..schemas import HouseholdOut, HouseholdRow, HouseholdSensitiveOut, VisitOut

router = Router(tags=["households"])

PAGE_SIZE = 25


class HouseholdFilters(Schema):
    search: str = ""
    hamlet: int | None = None
    poverty: PovertyCategory | None = None


@router.get("/households", response=list[HouseholdRow])
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def household_list_api(request: HttpRequest, filters: Query[HouseholdFilters]) -> Any:
    """The households the user may see; `search` finds "Sà Vọng" from "sa vong", or a household code."""
    return household_list(
        user=request.user, search=filters.search, hamlet=filters.hamlet, poverty=filters.poverty
    )


@router.get("/households/{int:household_id}", response=HouseholdSensitiveOut | HouseholdOut)
def household_detail_api(request: HttpRequest, household_id: int) -> Any:
    """The household card. Ethnicity, religion and residents' identity numbers only for roles granted them."""
    card = household_card(user=request.user, pk=household_id)
    return _card_out(card)


@router.get("/households/{int:household_id}/visits", response=list[VisitOut])
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def household_visits_api(request: HttpRequest, household_id: int) -> Any:
    """The household's visits, newest first."""
    household = get_household_for_user(request.user, household_id)
    return household_visits(user=request.user, household=household)


def _card_out(card: HouseholdCard) -> dict[str, Any]:
    household = card.household
    data: dict[str, Any] = {
        "id": household.pk,
        "code": household.code,
        "head_name": household.head_name,
        "hamlet": household.hamlet,
        "commune": household.commune,
        "station": household.station,
        "address": household.address,
        "phone": household.phone,
        "livelihood": household.livelihood,
        "is_policy_family": household.is_policy_family,
        "has_difficult_circumstances": household.has_difficult_circumstances,
        "priority": household.priority,
        "poverty_category": household.poverty_category,
        "poverty_category_label": household.get_poverty_category_display(),
        "poverty_assessed_on": household.poverty_assessed_on,
        "in_charge": card.current_assignments,
        "past_assignments": card.past_assignments,
        "residents": card.residents,
        "assessments": card.assessments,
    }
    # household_card decided from get_scope(user).sensitive; the API only carries its answer. Without
    # the right, the values never enter the data, and HouseholdOut's residents have no identity number.
    if card.show_sensitive:
        data["ethnicity"] = card.ethnicity or ""
        data["religion"] = card.religion or ""
    return data
