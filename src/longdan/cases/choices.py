"""The petitions' choices: categories, responsible bodies, states, and the sets of states the rules use."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    LAND = "land", _("Land")
    SOCIAL_WELFARE = "social_welfare", _("Social welfare")
    SECURITY_ORDER = "security_order", _("Security and order")
    INFRASTRUCTURE = "infrastructure", _("Infrastructure")
    ENVIRONMENT = "environment", _("Environment")
    FISHING_SEA = "fishing_sea", _("Fishing and sea")
    LEGAL = "legal", _("Legal")
    LIVELIHOOD_LOANS = "livelihood_loans", _("Livelihood and loans")
    HEALTH = "health", _("Health")
    EDUCATION = "education", _("Education")
    OTHER = "other", _("Other")


# Days from receipt to the answer the household is owed. These are only the defaults the
# project ships (copied into CategoryDeadline rows by migration 0002); each station may
# change them, and the command may change the defaults, without a release.
DEFAULT_DEADLINE_DAYS: dict[str, int] = {
    **{category: 15 for category in Category.values},
    Category.LAND: 30,
    Category.SECURITY_ORDER: 7,
}


class ResponsibleBody(models.TextChoices):
    STATION = "station", _("The border guard station")
    COMMUNE_COMMITTEE = "commune_committee", _("Commune People's Committee")
    COMMUNE_POLICE = "commune_police", _("Commune police")
    SOCIAL_POLICY_BANK = "social_policy_bank", _("Bank for Social Policies")
    COMMUNE_PARTY_COMMITTEE = "commune_party_committee", _("Commune party committee")
    OTHER = "other", _("Other agency")


# Bodies whose work the commune liaison reports on. The Bank for Social Policies lends
# through the commune's transaction point and the commune's mass organisations, so the
# commune is where its answer comes from too.
COMMUNE_BODIES = frozenset(
    {
        ResponsibleBody.COMMUNE_COMMITTEE,
        ResponsibleBody.COMMUNE_POLICE,
        ResponsibleBody.SOCIAL_POLICY_BANK,
        ResponsibleBody.COMMUNE_PARTY_COMMITTEE,
    }
)


class CaseState(models.TextChoices):
    RECEIVED = "received", _("Received")
    PROPOSED = "proposed", _("Proposed to the command")
    PLANNED = "planned", _("Planned")
    REFERRED = "referred", _("Referred")
    RESOLVED = "resolved", _("Resolved")
    ANSWERED = "answered", _("Answered to the household")
    CLOSED = "closed", _("Closed")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Open = the household is still waiting for its answer. These count as overdue past
# their due date, and may still be rejected or withdrawn. "answered" is not open: the
# household has its answer and only the command's closing remains.
OPEN_STATES = frozenset(
    {
        CaseState.RECEIVED,
        CaseState.PROPOSED,
        CaseState.PLANNED,
        CaseState.REFERRED,
        CaseState.RESOLVED,
    }
)
FINAL_STATES = frozenset({CaseState.CLOSED, CaseState.REJECTED, CaseState.WITHDRAWN})
# What a commune liaison's list shows: cases once handed to a body of the commune.
REFERRED_ONWARD_STATES = frozenset(
    {CaseState.REFERRED, CaseState.RESOLVED, CaseState.ANSWERED, CaseState.CLOSED}
)
