"""Model fields that keep Vietnamese text clean on every write path (forms, services, bulk loads)."""

from typing import Any

from django import forms
from django.db import models

from .text import fold, given_name_sort_key, nfc, vietnamese_sort_key


class NormalizedFormField(forms.CharField):
    def to_python(self, value: Any) -> Any:
        value = super().to_python(value)
        return nfc(value) if isinstance(value, str) else value


class NormalizedCharField(models.CharField):
    """A CharField stored NFC-normalised, stripped, with inner white space collapsed."""

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        return nfc(value) if isinstance(value, str) else value

    def to_python(self, value: Any) -> Any:
        value = super().to_python(value)
        return nfc(value) if isinstance(value, str) else value

    def formfield(self, **kwargs: Any) -> Any:
        if not self.choices:
            kwargs.setdefault("form_class", NormalizedFormField)
        return super().formfield(**kwargs)


class NormalizedTextField(models.TextField):
    """Free text stored NFC and stripped; line breaks are kept."""

    @staticmethod
    def _clean(value: str) -> str:
        import unicodedata

        return unicodedata.normalize("NFC", value).strip()

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        return self._clean(value) if isinstance(value, str) else value

    def to_python(self, value: Any) -> Any:
        value = super().to_python(value)
        return self._clean(value) if isinstance(value, str) else value


class _DerivedKeyField(models.CharField):
    """A CharField computed from another field of the row on every save and bulk insert."""

    def __init__(self, *args: Any, source: str = "", **kwargs: Any) -> None:
        self.source = source
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("db_index", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        for key, default in (("editable", False), ("db_index", True), ("default", "")):
            if kwargs.get(key, default) == default:
                kwargs.pop(key, None)
        return name, path, args, kwargs

    def derive(self, value: str) -> str:
        raise NotImplementedError  # pragma: no cover - abstract

    def pre_save(self, model_instance: models.Model, add: bool) -> str:
        value = self.derive(getattr(model_instance, self.source) or "")[: self.max_length]
        setattr(model_instance, self.attname, value)
        return value


class FoldedKeyField(_DerivedKeyField):
    """Search key of `source`: no diacritics, casefolded. "sa vong" finds "Sà Vọng"."""

    def derive(self, value: str) -> str:
        return fold(value)


class SortKeyField(_DerivedKeyField):
    """Vietnamese collation key of `source` (digits only, so every database orders it alike)."""

    def __init__(self, *args: Any, person: bool = False, **kwargs: Any) -> None:
        self.person = person
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        if self.person:
            kwargs["person"] = True
        return name, path, args, kwargs

    def derive(self, value: str) -> str:
        return given_name_sort_key(value) if self.person else vietnamese_sort_key(value)
