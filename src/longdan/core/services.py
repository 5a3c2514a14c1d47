"""Helpers every service uses."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models


def validate_and_save(instance: models.Model, **save_kwargs: Any) -> None:
    """full_clean() then save(): no service writes a row the model would reject."""
    instance.full_clean()
    instance.save(**save_kwargs)


def error(message: Any, field: str | None = None, code: str = "invalid") -> ValidationError:
    """A ValidationError tied to a field when one is named."""
    if field:
        return ValidationError({field: ValidationError(message, code=code)})
    return ValidationError(message, code=code)
