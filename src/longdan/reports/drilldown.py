"""From a figure on the dashboard to the records behind it, on the existing list pages.

A drill-down link is the list page's URL with `?figure=<name>&scope=<unit code>&period=<code>`
(`drill_query`). The list page asks `drill_from_request` for it and narrows its own list
(already limited to what the user may see) to the records the indicator counted: the same
function of the indicator module builds both, so the list holds exactly the records behind
the number, within the user's scope.

    drill = drill_from_request(request, Visit)
    if drill:
        visits = drill.apply(visits)

A figure of another list, a period that cannot be read, or a scope the user may not see
answers 404, like a record of another station.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlencode

from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from longdan.cases.models import Case
from longdan.fieldwork.models import CellMeeting, Visit
from longdan.households.models import Household
from longdan.households.poverty import PovertyCategory
from longdan.intel.models import Tip, TipEvent, TipStatus
from longdan.support.models import Benefit, LoanStatus, SupportEvent

from .indicators._common import primary_open_on
from .indicators.coverage import registered_households
from .indicators.fieldwork import meetings_queryset, visits_queryset
from .indicators.petitions import overdue_queryset, received_queryset, resolutions_queryset
from .indicators.poverty import NOT_ASSESSED, NOT_POOR, POOR, category_then, transitions_queryset
from .indicators.support import benefits_queryset, events_queryset
from .periods import Period, PeriodError
from .scope import ReportScope

# The query parameters of a drill-down; list pages keep them in their filter forms.
PARAMETERS = ("figure", "scope", "period")

Records = Callable[[ReportScope, Period], QuerySet[Any]]
QS = TypeVar("QS", bound=QuerySet[Any])


@dataclass(frozen=True)
class Figure:
    name: str
    model: type[Model]
    label: str | Promise
    records: Records  # (scope, period) → the rows of `model` the indicator counted


# --- the records behind each figure (the indicator modules' own querysets, or built as they count) ---


def _households(scope: ReportScope, period: Period) -> QuerySet[Household]:
    return registered_households(scope, period.as_of())


def _covered(covered: bool) -> Records:
    def records(scope: ReportScope, period: Period) -> QuerySet[Household]:
        in_force = Exists(primary_open_on(period.as_of()).filter(household_id=OuterRef("pk")))
        return _households(scope, period).filter(in_force if covered else ~Q(in_force))

    return records


def _poverty(category: str) -> Records:
    def records(scope: ReportScope, period: Period) -> QuerySet[Household]:
        then = "" if category == NOT_ASSESSED else category
        return (
            _households(scope, period)
            .alias(category_then=category_then(period.as_of()))
            .filter(category_then=then)
        )

    return records


def _moved(*, out: bool) -> Records:
    def records(scope: ReportScope, period: Period) -> QuerySet[Household]:
        households = transitions_queryset(scope, period)
        # Q objects: the names are annotations of `transitions_queryset`.
        if out:
            return households.filter(Q(before=POOR) & Q(after__in=NOT_POOR))
        return households.filter(Q(before__in=NOT_POOR) & Q(after=POOR))

    return records


def _households_visited(scope: ReportScope, period: Period) -> QuerySet[Household]:
    return Household.objects.filter(pk__in=visits_queryset(scope, period).values("household_id"))


def _resolved(scope: ReportScope, period: Period) -> QuerySet[Case]:
    return Case.objects.filter(pk__in=resolutions_queryset(scope, period).values("case_id"))


def _overdue(scope: ReportScope, period: Period) -> QuerySet[Case]:
    unchanged, changed = overdue_queryset(scope, period)
    return Case.objects.filter(Q(pk__in=unchanged.values("pk")) | Q(pk__in=changed.values("pk")))


def _tips_received(scope: ReportScope, period: Period) -> QuerySet[Tip]:
    start, end = period.bounds()
    return scope.tips().filter(received_at__gte=start, received_at__lt=end)


def _tips_moved(status: str) -> Records:
    def records(scope: ReportScope, period: Period) -> QuerySet[Tip]:
        start, end = period.bounds()
        moved = TipEvent.objects.filter(to_status=status, at__gte=start, at__lt=end)
        return scope.tips().filter(pk__in=moved.values("tip_id"))

    return records


def _loans_advised(scope: ReportScope, period: Period) -> QuerySet[Benefit]:
    start, end = period.bounds()
    return scope.filter_events(Benefit.objects.exclude(loan_status="")).filter(
        created_at__gte=start, created_at__lt=end
    )


def _loans_disbursed(scope: ReportScope, period: Period) -> QuerySet[Benefit]:
    return scope.filter_events(
        Benefit.objects.filter(
            loan_status=LoanStatus.DISBURSED, given_on__gte=period.start, given_on__lte=period.end
        )
    )


FIGURES: dict[str, Figure] = {
    figure.name: figure
    for figure in [
        Figure("households", Household, _("Households"), _households),
        Figure("covered", Household, _("Households with a member in charge"), _covered(True)),
        Figure("without_member", Household, _("Households without a member"), _covered(False)),
        *[
            Figure(f"poverty_{value}", Household, label, _poverty(value))
            for value, label in [*PovertyCategory.choices, (NOT_ASSESSED, _("Not assessed"))]
        ],
        Figure("out_of_poverty", Household, _("Out of poverty in the period"), _moved(out=True)),
        Figure("into_poverty", Household, _("Into poverty in the period"), _moved(out=False)),
        Figure("households_visited", Household, _("Households visited"), _households_visited),
        Figure("visits", Visit, _("Visits"), visits_queryset),
        Figure("petitions_received", Case, _("Petitions received"), received_queryset),
        Figure("petitions_resolved", Case, _("Petitions resolved"), _resolved),
        Figure("petitions_overdue", Case, _("Petitions overdue"), _overdue),
        Figure("tips_received", Tip, _("Tips received"), _tips_received),
        Figure("tips_verified", Tip, _("Tips verified"), _tips_moved(TipStatus.VERIFIED)),
        Figure("tips_acted_on", Tip, _("Tips acted on"), _tips_moved(TipStatus.ACTED_ON)),
        Figure("support_given", Benefit, _("Support given"), benefits_queryset),
        Figure("loans_advised", Benefit, _("Loans advised"), _loans_advised),
        Figure("loans_disbursed", Benefit, _("Loans disbursed"), _loans_disbursed),
        Figure("support_events", SupportEvent, _("Support events"), events_queryset),
        Figure("cell_meetings", CellMeeting, _("Cell meetings"), meetings_queryset),
    ]
}

# The list page of each model a figure can open.
LIST_PAGES: dict[type[Model], str] = {
    Household: "household-list",
    Visit: "visit-list",
    Case: "case-board",
    Tip: "tip-list",
    Benefit: "benefit-list",
    SupportEvent: "support-event-list",
    CellMeeting: "cellmeeting-list",
}


def drill_query(figure: str, *, scope_code: str = "", period: Period) -> dict[str, str]:
    """The query parameters of a drill-down (no scope: everything the user may see)."""
    if figure not in FIGURES:
        raise ValueError(f"No figure {figure!r}")
    query = {"figure": figure, "period": period.code}
    if scope_code:
        query["scope"] = scope_code
    return query


def drill_url(figure: str, *, scope_code: str = "", period: Period) -> str:
    """The list page of `figure`'s records, narrowed to them."""
    query = drill_query(figure, scope_code=scope_code, period=period)
    return f"{reverse(LIST_PAGES[FIGURES[figure].model])}?{urlencode(query)}"


@dataclass(frozen=True)
class Drill:
    """A list page narrowed to the records behind one figure of a scope and period."""

    figure: Figure
    scope: ReportScope
    period: Period
    scope_code: str

    def apply(self, queryset: QS) -> QS:
        """`queryset` (the user's list) narrowed to the figure's records; keeps its ordering."""
        return queryset.filter(pk__in=self.figure.records(self.scope, self.period).order_by().values("pk"))

    @property
    def hidden_fields(self) -> list[tuple[str, str]]:
        """(name, value) for a list's filter form, so that filtering keeps the drill-down."""
        return list(drill_query(self.figure.name, scope_code=self.scope_code, period=self.period).items())

    @property
    def dashboard_url(self) -> str:
        query = {"period": self.period.code, **({"scope": self.scope_code} if self.scope_code else {})}
        return f"{reverse('dashboard')}?{urlencode(query)}"


def drill_from_request(request: HttpRequest, model: type[Model]) -> Drill | None:
    """The drill-down the request's query string asks for on the list of `model`, or None."""
    name = request.GET.get("figure", "").strip()
    if not name:
        return None
    figure = FIGURES.get(name)
    if figure is None or figure.model is not model:
        raise Http404
    try:
        period = Period.parse(request.GET.get("period", ""))
    except PeriodError as exc:
        raise Http404 from exc
    code = request.GET.get("scope", "").strip()
    scope = ReportScope.for_unit(code, user=request.user) if code else ReportScope.for_user(request.user)
    return Drill(figure=figure, scope=scope, period=period, scope_code=code)


__all__ = ["FIGURES", "PARAMETERS", "Drill", "drill_from_request", "drill_query", "drill_url"]
