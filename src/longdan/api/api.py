"""The REST API, /api/v1/: one NinjaAPI, session-authenticated, its OpenAPI document at /api/v1/openapi.json.

Every endpoint is a thin face over the selectors and services the pages use: it reads
through `visible_to(user)` / `get_<thing>_for_user()` (404 for another station's record)
and writes through the services (which check who may act). No rule lives here.

Interactive docs at /api/v1/docs: ninja's Swagger UI page, served from ninja's bundled
static files ("ninja" is in INSTALLED_APPS), so no CDN and no inline script — the page's
settings travel in a JSON data block, which the CSP does not run.

Tips are not in the API yet: their reads must go through Tip.objects.visible_to and be
written to the audit trail with a reason, as the tip pages do.
"""

from typing import Any

from ninja import NinjaAPI
from ninja.operation import Operation
from ninja.renderers import JSONRenderer

from .auth import session_auth
from .endpoints import cases, fieldwork, households, members, reports
from .errors import register_error_handlers


class UTF8JSONRenderer(JSONRenderer):
    # Vietnamese as UTF-8 rather than \uXXXX escapes: a third of the bytes on a field phone's link.
    json_dumps_params: dict[str, Any] = {"ensure_ascii": False}


class LongdanAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        # The view's name (unique across the routers): "household_detail_api", not the module path.
        return operation.view_func.__name__


api = LongdanAPI(
    title="Lòng Dân API",
    version="1",
    urls_namespace="api-v1",
    # For developers, so not translated (it is read once, at import, in no user's language).
    description=(
        "Households, members, visits, petitions and indicators of the model “đảng viên Đồn Biên phòng "
        "phụ trách hộ gia đình”. Log in on the web first: the API uses that session, and unsafe "
        'methods need the CSRF token (header X-CSRFToken). Errors answer {"detail": …} in the '
        "user's language: 400 invalid, 401 not logged in, 403 not allowed, 404 not found or not yours."
    ),
    auth=session_auth,
    renderer=UTF8JSONRenderer(),
)
register_error_handlers(api)
for module in (households, members, fieldwork, cases, reports):
    api.add_router("", module.router)
