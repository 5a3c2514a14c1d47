"""Form pieces every app uses."""

from typing import Any

from django import forms


class DateInput(forms.DateInput):
    """The phone's date picker. It sends and shows ISO dates whatever the language; a date typed
    by hand is read the Vietnamese way (settings.FORMAT_MODULE_PATH), day first."""

    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    """The phone's date-and-time picker (local time, ISO in the request)."""

    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)
