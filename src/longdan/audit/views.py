"""The audit page: search the trail, a page at a time, and export what the filters pick out.

Administrators read all of it, the province command the rows of its stations; to everyone else
the page does not exist (404, the same answer as a missing page). Nothing here writes but the
export's own row: no URL edits or deletes the trail.
"""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from .exports import CONTENT_TYPES, FORMATS, audit_export_record, csv_lines, xlsx_bytes
from .forms import AuditFilterForm
from .selectors import audit_entries, may_read_audit, record_type_choices

PAGE_SIZE = 50


def _is_htmx(request: HttpRequest) -> bool:
    htmx = getattr(request, "htmx", None)
    return htmx is not None and bool(htmx) and not htmx.history_restore_request


@login_required
@require_GET
@vary_on_headers("HX-Request")
def audit_list(request: HttpRequest) -> HttpResponse:
    """The entries the user may read, newest first, filtered by user, record, action and dates."""
    if not may_read_audit(request.user):
        raise Http404
    form = AuditFilterForm(request.GET or None)
    entries = audit_entries(user=request.user, filters=form.filters())
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    # The kind of record in words ("Hộ gia đình"), not its code ("households.household").
    names = dict(record_type_choices())
    rows = [(entry, names.get(entry.object_type, entry.object_type)) for entry in page.object_list]
    context = {"form": form, "page": page, "rows": rows, "formats": FORMATS}
    if _is_htmx(request):
        return render(request, "audit/_results.html", context)
    return render(request, "audit/audit_list.html", context)


@login_required
@require_GET
def audit_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The filtered entries as CSV or Excel; the export itself goes to the trail first."""
    if not may_read_audit(request.user) or fmt not in FORMATS:
        raise Http404
    form = AuditFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        # An export never quietly widens a filter it could not read: show the page with the error.
        page = Paginator(audit_entries(user=request.user, filters=form.filters()), PAGE_SIZE).get_page(1)
        listed = [(entry, entry.object_type) for entry in page.object_list]
        context = {"form": form, "page": page, "rows": listed, "formats": FORMATS}
        return render(request, "audit/audit_list.html", context, status=400)
    filters = form.filters()
    rows = audit_export_record(
        actor=request.user, rows=audit_entries(user=request.user, filters=filters), filters=filters, fmt=fmt
    )
    filename = f"nhat-ky-{timezone.localdate():%Y%m%d}.{fmt}"
    response: HttpResponse | StreamingHttpResponse
    if fmt == "csv":
        response = StreamingHttpResponse(csv_lines(rows), content_type=CONTENT_TYPES[fmt])
    else:
        response = HttpResponse(xlsx_bytes(rows), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response  # type: ignore[return-value]
