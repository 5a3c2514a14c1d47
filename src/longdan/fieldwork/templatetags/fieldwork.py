"""Template helpers for the field pages."""

from typing import Any
from urllib.parse import urlencode

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

register = template.Library()

# What a member may do next, from a visit, with the household pre-filled. The other apps name their
# "new" pages; each button shows only when one of its names resolves, so a page never breaks on an app
# that is not installed (yet).
FOLLOW_ON_ACTIONS = [
    ("petition", _("Open a petition"), ("case-new", "case-create")),
    ("tip", _("Record a tip"), ("tip-new", "tip-create")),
    ("support", _("Record support"), ("benefit-new", "support-new", "benefit-create", "support-create")),
]


def first_url(names: tuple[str, ...] | list[str], **query: Any) -> str:
    """The first of `names` that resolves (without arguments), with `query` appended; "" if none does."""
    for name in names:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        params = {key: value for key, value in query.items() if value not in (None, "")}
        return f"{url}?{urlencode(params)}" if params else url
    return ""


@register.simple_tag
def optional_url(name: str, *args: Any) -> str:
    """Like {% url %}, but "" when the name does not resolve (an app not installed yet)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


@register.simple_tag
def follow_on_actions(household: Any, visit: Any = None) -> list[dict[str, str]]:
    """Buttons to open a petition, record a tip or record support for `household` (from `visit`)."""
    actions = []
    for key, label, names in FOLLOW_ON_ACTIONS:
        url = first_url(names, household=household.pk, visit=getattr(visit, "pk", None))
        if url:
            actions.append({"key": key, "label": str(label), "url": url})
    return actions


@register.simple_tag
def petition_from_issue_url(issue: Any, hamlet: Any) -> str:
    """A new hamlet petition from a cell-meeting issue, when the cases app is there."""
    return first_url(("case-new", "case-create"), hamlet=hamlet.pk, issue=issue.pk)
