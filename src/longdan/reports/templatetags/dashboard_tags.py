"""Filters of the dashboard's tables."""

from typing import Any

from django import template

from longdan.reports.charts import number

register = template.Library()


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """`mapping[key]`, or None: the stations table reads its columns by name."""
    if not mapping:
        return None
    return mapping.get(key)


@register.filter
def figure(value: Any) -> str:
    """A figure the Vietnamese way (1.234.567; 66,7), as on the charts and in the report files."""
    if value is None or value == "":
        return "–"
    return number(value)
