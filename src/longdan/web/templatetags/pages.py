"""Template helpers shared by every page."""

from typing import Any

from django import template

from longdan.web.selectors import Identity, user_identity

register = template.Library()


@register.simple_tag(takes_context=True)
def current_identity(context: template.Context) -> Identity | None:
    """The name and role for the top bar, read once per render."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return user_identity(user)


@register.filter
def dmy(value: Any) -> str:
    """A date as dd/mm/yyyy, the way Vietnamese forms write it (the locale's own format spells the month)."""
    if not value:
        return ""
    return value.strftime("%d/%m/%Y")


@register.filter
def vnd(value: Any) -> str:
    """An amount in đồng with dots between thousands: 1500000 → "1.500.000 ₫"."""
    if value is None or value == "":
        return ""
    return f"{int(value):,} ₫".replace(",", ".")
