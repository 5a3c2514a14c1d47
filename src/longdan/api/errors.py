"""What the API answers when something is wrong: one JSON shape, `{"detail": …}`, in the user's language.

- 400: the input, or the move asked for, is not valid: the service's (or the schema's) messages,
  with `errors` per field when there are fields to name;
- 401: not logged in (or the second factor not passed);
- 403: logged in, but the service says this user may not do this;
- 404: no such record, or not one this user may see: the same words for both, so an id typed
  for another station's record tells nothing.
"""

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as SchemaValidationError

if TYPE_CHECKING:
    from ninja import NinjaAPI


def register_error_handlers(api: "NinjaAPI") -> None:
    def answer(request: HttpRequest, status: int, detail: str, **extra: Any) -> HttpResponse:
        return api.create_response(request, {"detail": detail, **extra}, status=status)

    def not_found(request: HttpRequest, exc: Any) -> HttpResponse:
        # Never the exception's own message: it may name what was looked for.
        return answer(request, 404, _("Not found"))

    def unauthenticated(request: HttpRequest, exc: Any) -> HttpResponse:
        return answer(request, 401, _("Log in to use the API."))

    def forbidden(request: HttpRequest, exc: Any) -> HttpResponse:
        return answer(request, 403, str(exc) or _("You may not do this."))

    def invalid(request: HttpRequest, exc: Any) -> HttpResponse:
        assert isinstance(exc, DjangoValidationError)
        extra = {"errors": exc.message_dict} if hasattr(exc, "error_dict") else {}
        return answer(request, 400, " ".join(exc.messages), **extra)

    def schema_invalid(request: HttpRequest, exc: Any) -> HttpResponse:
        assert isinstance(exc, SchemaValidationError)
        return answer(request, 400, _("The request is not valid."), errors=exc.errors)

    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(AuthenticationError, unauthenticated)
    api.add_exception_handler(PermissionDenied, forbidden)
    api.add_exception_handler(DjangoValidationError, invalid)
    api.add_exception_handler(SchemaValidationError, schema_invalid)


def form_invalid(form: Any) -> DjangoValidationError:
    """A bound, invalid Django form's errors as the ValidationError the handler above turns into a 400."""
    return DjangoValidationError(
        {
            name: [DjangoValidationError(message) for message in messages]
            for name, messages in form.errors.items()
        }
    )
