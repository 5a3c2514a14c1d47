"""Reads for security tips: always through Tip.objects.visible_to."""

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from .models import Tip


def get_tip_for_user(user: Any, pk: int) -> Tip:
    """The tip, or 404 for both "no such tip" and "not yours"."""
    return get_object_or_404(Tip.objects.visible_to(user).select_related("station", "receiving_team"), pk=pk)


def tip_list(*, user: Any, status: str = "", category: str = "") -> QuerySet[Tip]:
    tips = Tip.objects.visible_to(user).select_related("station", "receiving_team", "recorded_by")
    if status:
        tips = tips.filter(status=status)
    if category:
        tips = tips.filter(category=category)
    return tips
